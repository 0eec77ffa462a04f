package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

/**
 * The response target a customer is told comes from the SLA policy sla-service publishes on {@code sla.policies}:
 * a new version changes what the next messages state, with no change to notification.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class SlaPolicyTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void aPolicyChangePublishedOnceChangesTheTargetTheLoggedMessageStates() throws Exception {
        int changed = SlaPolicyTopic.newestVersion() + 1;
        SlaPolicyTopic.publish(SlaPolicies.withResponseTarget(changed, Plan.BUSINESS, Priority.P2, Duration.ofHours(2)));
        try {
            SlaPolicyTopic.awaitHeld(changed);
            String business = newTicketId();
            String businessEmail = uniqueAddress("business");
            String pro = newTicketId();
            String proEmail = uniqueAddress("pro");
            publish(ticketReceived(business, Plan.BUSINESS, "Bea Business", businessEmail, "en", "Exports fail"),
                    priorityAssigned(business, Priority.P2, null),
                    ticketReceived(pro, Plan.PRO, "Pru Pro", proEmail, "en", "Exports fail too"),
                    priorityAssigned(pro, Priority.P2, null));

            assertThat(Mailbox.text(Mailbox.awaitOne(businessEmail, WAIT)))
                    .contains("Response target: 2 hours (BUSINESS plan)");
            assertThat(Mailbox.text(Mailbox.awaitOne(proEmail, WAIT))).contains("Response target: 4 hours (PRO plan)");
        } finally {
            // Later tests expect the shipped targets: a newer version replaces the change, an older one would not.
            SlaPolicyTopic.publish(SlaPolicies.shipped(changed + 1));
            SlaPolicyTopic.awaitHeld(changed + 1);
        }
    }

    @Test
    void anUnreadableRecordOnSlaPoliciesGoesToItsDeadLetterTopicAndTheListenerGoesOn() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        // Under a key of its own: the topic is compacted, and a record under the policy's key would in time
        // replace the policy for every instance that reads the topic afterwards.
        String poisonKey = "not-a-policy-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromNow(bootstrap, Topics.deadLetter(Topics.SLA_POLICIES));
             TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.send(Topics.SLA_POLICIES, poisonKey, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.SLA_POLICY_CHANGED.ceType(), "ce_time", Instant.now().toString()));

            Awaitility.await("poison record dead-lettered").atMost(WAIT)
                    .until(() -> !deadLetters.records(record -> poisonKey.equals(record.key())).isEmpty());
            ReceivedRecord dead = deadLetters.records(record -> poisonKey.equals(record.key())).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(dead.headers()).containsKey("dead-letter-reason");
        }

        int next = SlaPolicyTopic.newestVersion() + 1;
        SlaPolicyTopic.publish(SlaPolicies.shipped(next));
        SlaPolicyTopic.awaitHeld(next);
    }
}

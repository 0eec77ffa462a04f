package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicWriter;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * On a fresh stack notification may read a ticket before sla-service has published its first SLA policy. The
 * "ticket logged" message must state the response target, so the ticket waits — neither told without a target nor
 * given up — and is told once the policy arrives.
 */
@QuarkusTest
@TestProfile(FreshStackProfile.class)
@WithTestResource(SupportFlowTestResource.class)
class FreshStackTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    CurrentSlaPolicy policy;

    @Test
    void aTicketHandledBeforeAnyPolicyIsKnownIsToldOnceThePolicyArrives() throws Exception {
        assertThat(policy.get()).isEmpty();
        String ticketId = newTicketId();
        String email = uniqueAddress("first");
        EventEnvelope received = ticketReceived(ticketId, Plan.PRO, "First Customer", email, "en", "Nothing loads");
        try (LogCapture logs = LogCapture.start()) {
            publish(received, priorityAssigned(ticketId, Priority.P2, null));

            // Only the log tells that the consumer holds its batch: the receipt has reached the service.
            Awaitility.await("the ticket consumer waiting for a policy").atMost(WAIT)
                    .until(() -> waitingForAPolicy(logs, "ticket-events"));
            assertThat(Mailbox.to(email)).isEmpty();
            assertThat(ProcessedEventsProbe.processed(received.id())).isFalse();
        }

        publishFirstPolicy(SlaPolicies.withResponseTarget(1, Plan.PRO, Priority.P2, Duration.ofHours(3)));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(Mailbox.text(mail)).contains("P2 - High", "Response target: 3 hours (PRO plan)");
        assertThat(policy.require().version()).isEqualTo(1);
    }

    private static boolean waitingForAPolicy(LogCapture logs, String channel) {
        return logs.lines().stream().anyMatch(line -> line.contains(" of " + channel + " wait for the first SLA policy"));
    }

    /** As sla-service publishes its first version, on the topic this instance reads. */
    private static void publishFirstPolicy(SlaPolicyChanged first) {
        EventEnvelope envelope = SlaPolicies.envelope(first);
        try (TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            writer.send(FreshStackProfile.POLICY_TOPIC, envelope.key(), envelope.payload(), envelope.headers());
        }
    }
}

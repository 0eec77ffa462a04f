package io.supportflow.intake;

import static io.supportflow.intake.AccountRequests.newAccountId;
import static io.supportflow.intake.AccountRequests.register;
import static io.supportflow.intake.AccountRequests.ticketFor;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.Topics;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import jakarta.inject.Inject;

/** The channels a plan includes are the SLA policy's: a version published once on sla.policies decides them. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class PolicyEntitlementsTest {

    /** Far above the shipped version 1, each test's own, so that they never stand behind another's. */
    private static final AtomicInteger VERSIONS = new AtomicInteger(1000);

    @Inject
    CurrentSlaPolicy policy;

    @Test
    void aPolicyChangePublishedOnceDecidesWhichChannelsAPlanIncludes() {
        String account = newAccountId();
        register(account, "PRO");
        post(PHONE_KEY, ticketFor(account, "PRO")).statusCode(403);

        publishAndAwait(SlaPolicies.withEntitlement(VERSIONS.incrementAndGet(), Plan.PRO,
                List.of(Channel.WEB, Channel.CHAT, Channel.PHONE)));

        post(PHONE_KEY, ticketFor(account, "PRO")).statusCode(202);
    }

    /**
     * An unreadable record after the older version, under the same key (one partition, read in order), reaches the
     * dead-letter topic only once the older version was read: nothing newer comes between to hide what it did.
     */
    @Test
    void anOlderPolicyVersionDoesNotReplaceANewerOne() {
        int newer = VERSIONS.incrementAndGet();
        publishAndAwait(SlaPolicies.shipped(newer));

        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                Topics.deadLetter(Topics.SLA_POLICIES));
             TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            writer.publish(SlaPolicies.envelope(SlaPolicies.withEntitlement(2, Plan.PRO, List.of(Channel.WEB))));
            String marker = "unreadable-" + newer;
            writer.send(Topics.SLA_POLICIES, SlaPolicyChanged.KEY, "{not json " + marker, Map.of("ce_id", marker,
                    "ce_type", EventType.SLA_POLICY_CHANGED.ceType(), "ce_source", "/test", "ce_specversion", "1.0",
                    "ce_time", Instant.now().toString(), "content-type", "application/json"));
            Awaitility.await("the unreadable record after version 2 dead-lettered").atMost(Duration.ofSeconds(10))
                    .until(() -> deadLetters.records().stream().anyMatch(r -> r.value().endsWith(marker)));
        }

        assertThat(policy.require().version()).isEqualTo(newer);
        assertThat(policy.require().entitlements().get(Plan.PRO)).containsExactly(Channel.WEB, Channel.CHAT);
    }

    /** Later tests see the shipped policy again, as a newer version. */
    @AfterEach
    void restoreTheShippedPolicy() {
        publishAndAwait(SlaPolicies.shipped(VERSIONS.incrementAndGet()));
    }

    private void publishAndAwait(SlaPolicyChanged changed) {
        publish(changed);
        Awaitility.await("policy version " + changed.version()).atMost(Duration.ofSeconds(10))
                .until(() -> policy.get().map(SlaPolicyChanged::version).orElse(0) >= changed.version());
    }

    private static void publish(SlaPolicyChanged changed) {
        try (TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            writer.publish(SlaPolicies.envelope(changed));
        }
    }
}

package io.supportflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.PolicyTopic;
import io.supportflow.triage.support.Tickets;
import jakarta.inject.Inject;

/**
 * The response targets the review queue counts down against are the SLA policy's, read from {@code sla.policies}
 * as sla-service publishes it. Every test leaves the shipped policy in force, at a newer version than it found.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SlaPolicyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @Inject
    CurrentSlaPolicy current;

    private PolicyTopic policies;

    @BeforeEach
    void followThePolicyTopic() {
        policies = new PolicyTopic(writer, current);
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    @Test
    void aPolicyChangePublishedOnceMovesTheReviewQueuesTarget() {
        int version = policies.nextVersion();
        Instant now = Instant.parse("2027-02-01T12:00:00Z");
        TicketReceived ticket = waitingForReview(Plan.ENTERPRISE, now.minus(Duration.ofMinutes(20)));
        TestClock.CLOCK.set(now);
        assertThat(queueEntry(ticket)).containsEntry("target", "PT1H")
                .containsEntry("dueAt", "2027-02-01T12:40:00Z").containsEntry("overdue", false);

        try {
            writer.publish(SlaPolicies.envelope(
                    SlaPolicies.withResponseTarget(version, Plan.ENTERPRISE, Priority.P1, Duration.ofMinutes(15))));

            Awaitility.await("the review queue on SLA policy version " + version).atMost(PolicyTopic.UNTIL_READ)
                    .until(() -> "PT15M".equals(queueEntry(ticket).get("target")));
            assertThat(queueEntry(ticket)).containsEntry("dueAt", "2027-02-01T11:55:00Z")
                    .containsEntry("timeLeft", "PT-5M").containsEntry("secondsLeft", -300)
                    .containsEntry("overdue", true);
            given().auth().basic("agent", "agent-dev-password").get("/api/v1/triage/rules").then().statusCode(200)
                    .body("slaPolicyVersion", equalTo(version))
                    .body("responseTargets.ENTERPRISE.P1", equalTo("PT15M"))
                    .body("responseTargets.BUSINESS.P1", equalTo("PT1H"));
        } finally {
            policies.publishAndAwait(SlaPolicies.shipped(version + 1));
        }
    }

    @Test
    void anOlderPolicyVersionDoesNotReplaceANewerOne() {
        int older = policies.nextVersion();
        int newer = older + 1;
        try {
            policies.publishAndAwait(
                    SlaPolicies.withResponseTarget(newer, Plan.PRO, Priority.P2, Duration.ofHours(2)));

            writer.publish(SlaPolicies.envelope(
                    SlaPolicies.withResponseTarget(older, Plan.PRO, Priority.P2, Duration.ofHours(8))));
            policies.awaitReadToTheEnd();

            assertThat(current.require().version()).isEqualTo(newer);
            given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/rules").then().statusCode(200)
                    .body("slaPolicyVersion", equalTo(newer))
                    .body("responseTargets.PRO.P2", equalTo("PT2H"));
        } finally {
            policies.publishAndAwait(SlaPolicies.shipped(newer + 1));
        }
    }

    @Test
    void anUnreadableRecordOnSlaPoliciesGoesToItsDeadLetterTopicAndTheListenerGoesOn() {
        int next = policies.nextVersion();
        String deadLetterTopic = Topics.deadLetter(Topics.SLA_POLICIES);
        String poisonId = "poison-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                deadLetterTopic)) {
            // Under the policy's own key, as a broken sla-service would write it: what follows must still count.
            writer.send(Topics.SLA_POLICIES, SlaPolicyChanged.KEY, "{not json", Map.of("ce_id", poisonId,
                    "ce_type", EventType.SLA_POLICY_CHANGED.ceType(), "ce_time", Instant.now().toString()));

            Awaitility.await("the unreadable record on " + deadLetterTopic).atMost(WAIT)
                    .until(() -> !deadLetters.records(r -> poisonId.equals(r.header("ce_id"))).isEmpty());
            ReceivedRecord dead = deadLetters.records(r -> poisonId.equals(r.header("ce_id"))).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(dead.headers()).containsKey("dead-letter-reason");
        }

        policies.publishAndAwait(SlaPolicies.shipped(next));
        assertThat(current.require().version()).isEqualTo(next);
    }

    private TicketReceived waitingForReview(Plan plan, Instant receivedAt) {
        TicketReceived ticket = Tickets.forReview(plan, receivedAt);
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.TRIAGE_REVIEW_REQUESTED, ticket.ticketId(), WAIT);
        return ticket;
    }

    private static Map<String, Object> queueEntry(TicketReceived ticket) {
        List<Map<String, Object>> queue = given().auth().basic("agent", "agent-dev-password")
                .get("/api/v1/triage/queue").then().statusCode(200).extract().jsonPath().getList("");
        return queue.stream().filter(entry -> ticket.ticketId().equals(entry.get("ticketId"))).findFirst()
                .orElseThrow(() -> new AssertionError(ticket.ticketId() + " is not in the review queue"));
    }
}

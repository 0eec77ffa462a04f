package io.supportflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.runtime.policy.SlaPolicyListener;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.Tickets;

/**
 * Before sla-service's first start no SLA policy is on {@code sla.policies}: triage still triages, and agents still
 * see the review queue, without a target until a policy has been read.
 */
@QuarkusTest
@TestProfile(NoSlaPolicyYetTest.NoPolicyPublished.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class NoSlaPolicyYetTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Follows a policy topic nobody publishes on, so that the instance holds no policy whatever ran before. */
    public static class NoPolicyPublished implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming." + SlaPolicyListener.CHANNEL + ".topic",
                    Topics.SLA_POLICIES + ".none-published");
        }
    }

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @Test
    void withoutAPolicyTheReviewQueueListsTicketsWithNoTargetAndTheRulesShowNone() {
        TicketReceived ticket = Tickets.forReview(Plan.PRO, Instant.now().minus(Duration.ofMinutes(5)));
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.TRIAGE_REVIEW_REQUESTED, ticket.ticketId(), WAIT);

        List<Map<String, Object>> queue = given().auth().basic("agent", "agent-dev-password")
                .get("/api/v1/triage/queue").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(queue).filteredOn(entry -> ticket.ticketId().equals(entry.get("ticketId"))).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("provisionalPriority", "P1")
                        .containsEntry("target", null).containsEntry("dueAt", null)
                        .containsEntry("timeLeft", null).containsEntry("secondsLeft", null)
                        .containsEntry("overdue", null));
        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/rules").then().statusCode(200)
                .body("categories.find { it.category == 'OUTAGE' }.priority", equalTo("P1"))
                .body("slaPolicyVersion", nullValue())
                .body("responseTargets", nullValue());
    }

    @Test
    void theApiDescriptionSaysWhichFieldsAreNullUntilAPolicyIsRead() {
        ValidatableResponse openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        for (String field : List.of("target", "dueAt", "timeLeft", "secondsLeft", "overdue")) {
            openApi.body("components.schemas.QueueEntry.properties." + field + ".type", hasItem("null"));
        }
        for (String field : List.of("slaPolicyVersion", "responseTargets")) {
            openApi.body("components.schemas.RulesView.properties." + field + ".type", hasItem("null"));
        }
    }
}

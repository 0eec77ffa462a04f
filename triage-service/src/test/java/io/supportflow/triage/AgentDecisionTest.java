package io.supportflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.Workaround;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.PolicyTopic;
import io.supportflow.triage.support.Tickets;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AgentDecisionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @Inject
    CurrentSlaPolicy policy;

    /**
     * The review queue and the rules page show the SLA policy's response targets: the shipped ones, since a test
     * that changes them publishes the shipped policy again, at a newer version, when it is done.
     */
    @BeforeEach
    void theShippedPolicyIsHeld() {
        new PolicyTopic(writer, policy).held();
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    private TicketReceived reviewTicket(Plan plan, Instant receivedAt) {
        TicketReceived ticket = Tickets.forReview(plan, receivedAt);
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.TRIAGE_REVIEW_REQUESTED, ticket.ticketId(), WAIT);
        return ticket;
    }

    /** Text only, read as P2 with P1 plausible: in review, its clock on P1. */
    private TicketReceived unsureTextTicket(Plan plan, Instant receivedAt) {
        TicketReceived ticket = Tickets.ticket(plan, "Webinar audio", "Some attendees say the audio drops now and then "
                + "during our live webinar, we are not sure how many.", null, null, null, receivedAt);
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.TRIAGE_REVIEW_REQUESTED, ticket.ticketId(), WAIT);
        return ticket;
    }

    @Test
    void theReviewQueueListsOldestFirstWithTimeLeftOnTheResponseTarget() {
        Instant now = Instant.parse("2027-01-10T12:00:00Z");
        TicketReceived younger = unsureTextTicket(Plan.PRO, now.minus(Duration.ofMinutes(30)));
        TicketReceived older = reviewTicket(Plan.ENTERPRISE, now.minus(Duration.ofHours(2)));
        TestClock.CLOCK.set(now);

        List<Map<String, Object>> queue = given().auth().basic("agent", "agent-dev-password")
                .get("/api/v1/triage/queue").then().statusCode(200).extract().jsonPath().getList("");
        List<Map<String, Object>> ours = queue.stream()
                .filter(e -> List.of(younger.ticketId(), older.ticketId()).contains(e.get("ticketId"))).toList();

        assertThat(ours).extracting(e -> e.get("ticketId")).containsExactly(older.ticketId(), younger.ticketId());
        assertThat(ours.get(0)).containsEntry("provisionalPriority", "P1").containsEntry("target", "PT1H")
                .containsEntry("timeLeft", "PT-1H").containsEntry("overdue", true);
        assertThat(ours.get(1)).containsEntry("provisionalPriority", "P2").containsEntry("target", "PT1H")
                .containsEntry("timeLeft", "PT30M").containsEntry("secondsLeft", 1800)
                .containsEntry("subject", "Webinar audio");
    }

    @Test
    void anAgentDecidesAReviewTicketWhichLeavesTheQueueWithThePreviousPriorityNamed() {
        TicketReceived ticket = reviewTicket(Plan.BUSINESS, Instant.parse("2027-01-11T08:00:00Z"));

        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P4\",\"reason\":\"Feature request, nothing is down\"}")
                .put("/api/v1/triage/tickets/{id}/priority", ticket.ticketId())
                .then().statusCode(200).body("priority", equalTo("P4")).body("source", equalTo("AGENT"))
                .body("inReview", equalTo(false));

        PriorityAssigned assigned = priorities.awaitEvent(EventType.PRIORITY_ASSIGNED, ticket.ticketId(), WAIT);
        assertThat(assigned.source()).isEqualTo(PrioritySource.AGENT);
        assertThat(assigned.priority()).isEqualTo(Priority.P4);
        assertThat(assigned.previous()).isEqualTo(Priority.P1);
        assertThat(assigned.agentId()).isEqualTo("agent");
        assertThat(assigned.reason()).isEqualTo("Feature request, nothing is down");
        given().auth().basic("agent", "agent-dev-password").get("/api/v1/triage/queue")
                .then().statusCode(200).body("ticketId", org.hamcrest.Matchers.not(hasItem(ticket.ticketId())));
    }

    @Test
    void anAgentReprioritisesATriagedTicketAndARetriedPutPublishesNothingMore() {
        TicketReceived ticket = Tickets.ticket(Plan.PRO, "Login page down", "", null, Impact.SERVICE_DOWN,
                Workaround.NONE, Instant.parse("2027-01-12T08:00:00Z"));
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.PRIORITY_ASSIGNED, ticket.ticketId(), WAIT);
        String body = "{\"priority\":\"P2\",\"reason\":\"Only the EU region, US works\"}";

        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON).body(body)
                    .put("/api/v1/triage/tickets/{id}/priority", ticket.ticketId()).then().statusCode(200);
        }

        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> priorities.events(EventType.PRIORITY_ASSIGNED, ticket.ticketId()).size() == 2);
        List<PriorityAssigned> events = priorities.events(EventType.PRIORITY_ASSIGNED, ticket.ticketId());
        assertThat(events.get(1).previous()).isEqualTo(Priority.P1);
        assertThat(events.get(1).priority()).isEqualTo(Priority.P2);
        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/tickets/{id}", ticket.ticketId())
                .then().statusCode(200).body("priority", equalTo("P2")).body("rule", equalTo("agent"));
    }

    @Test
    void anUnknownTicketIsNotFound() {
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P2\",\"reason\":\"x\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownPriorityIsABadRequestNamingTheField() {
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P9\",\"reason\":\"x\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("priority"));
    }

    @Test
    void aDecisionWithoutReasonIsABadRequestNamingTheField() {
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P2\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
    }

    @Test
    void anIncompleteDecisionNamesEachFieldAndAMissingBodyNamesTheBody() {
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"reason\":\"  \"}")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The priority decision is incomplete"))
                .body("errors.field", contains("priority", "reason"))
                .body("errors.message", contains("must be one of P1, P2, P3, P4", "must say why the ticket gets this priority"));
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P2\",\"reason\":\"ring\\u0007\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"))
                .body("errors.message", contains("must not contain control characters other than newline and tab"));
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("null")
                .put("/api/v1/triage/tickets/{id}/priority", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("A priority decision needs a body"))
                .body("errors.field", contains("body"));
    }

    @Test
    void onlyAgentsSetPriorities() {
        given().contentType(ContentType.JSON).body("{\"priority\":\"P2\",\"reason\":\"x\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "any").then().statusCode(401);
        given().auth().basic("ops", "ops-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"P2\",\"reason\":\"x\"}")
                .put("/api/v1/triage/tickets/{id}/priority", "any").then().statusCode(403);
    }

    @Test
    void theRulesInForceAreShownWithKeywordsAndResponseTargets() {
        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/rules")
                .then().statusCode(200)
                .body("impactWorkaround.find { it.impact == 'SERVICE_DOWN' && it.workaround == 'NONE' }.priority",
                        equalTo("P1"))
                .body("categories.find { it.category == 'PROFESSIONAL_SERVICES' }.priority", equalTo("P4"))
                .body("keywordGroups.find { it.name == 'outage' }.german", hasItem("ausgefallen"))
                .body("slaPolicyVersion", notNullValue())
                .body("responseTargets.PRO.P2", equalTo("PT4H"))
                .body("responseTargets.FREE.P1", equalTo("PT24H"));
    }
}

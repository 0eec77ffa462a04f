package io.supportflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportflow.events.Category;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.Workaround;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.Tickets;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AgreementReportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    // Agent decisions are dated by the test clock inside this day; no other test decides in it.
    private static final Instant FROM = Instant.parse("2031-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2031-06-02T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2031-05-31T08:00:00Z");

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    private TicketReceived publish(String subject, String description, Category category, Impact impact,
                                   Workaround workaround) {
        TicketReceived ticket = Tickets.ticket(Plan.PRO, subject, description, category, impact, workaround, RECEIVED);
        writer.publish(Tickets.envelope(ticket));
        return ticket;
    }

    private TicketReceived structured(Impact impact, Workaround workaround) {
        return publish("Checkout fails", "", null, impact, workaround);
    }

    /** Waits until triage has stored the ticket and checks what the rules decided. */
    private void awaitRules(TicketReceived ticket, EventType type, String priority, boolean inReview) {
        priorities.awaitRecord(type, ticket.ticketId(), WAIT);
        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/tickets/{id}", ticket.ticketId())
                .then().statusCode(200).body("source", equalTo("RULES")).body("priority", equalTo(priority))
                .body("inReview", equalTo(inReview));
    }

    /** Waits until triage has stored a ticket, whichever way the rules decided it; its decision as ops reads it. */
    private static Map<String, Object> awaitTriaged(TicketReceived ticket) {
        return Awaitility.await().atMost(WAIT).until(
                () -> given().auth().basic("ops", "ops-dev-password")
                        .get("/api/v1/triage/tickets/{id}", ticket.ticketId()).then().extract().response(),
                response -> response.statusCode() == 200).jsonPath().getMap("");
    }

    private void decide(TicketReceived ticket, String priority, Instant at) {
        TestClock.CLOCK.set(at);
        given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON)
                .body("{\"priority\":\"" + priority + "\",\"reason\":\"Agent's reading of " + priority + "\"}")
                .put("/api/v1/triage/tickets/{id}/priority", ticket.ticketId())
                .then().statusCode(200).body("priority", equalTo(priority)).body("source", equalTo("AGENT"));
    }

    private static JsonPath agreement(Instant from, Instant to) {
        return given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/triage/agreement")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void agentsDecisionsInThePeriodAreComparedWithTheRulesFirstDecision() {
        TicketReceived confirmedP1 = structured(Impact.SERVICE_DOWN, Workaround.NONE);
        TicketReceived loweredToP2 = structured(Impact.SERVICE_DOWN, Workaround.NONE);
        TicketReceived confirmedP2 = structured(Impact.IMPAIRED, Workaround.NONE);
        TicketReceived confirmedP3 = structured(Impact.IMPAIRED, Workaround.AVAILABLE);
        TicketReceived reviewLoweredToP4 = publish("Dark mode", "We'd like a dark theme.", Category.FEATURE_REQUEST,
                Impact.SERVICE_DOWN, Workaround.NONE);
        TicketReceived textConfirmed = publish("Server down", "Nobody can log in since 8:00, all users affected.",
                null, null, null);
        TicketReceived decidedBefore = structured(Impact.SERVICE_DOWN, Workaround.NONE);
        TicketReceived decidedAtTheEnd = structured(Impact.MINIMAL, Workaround.NONE);
        TicketReceived redecidedInside = structured(Impact.MINIMAL, Workaround.AVAILABLE);
        TicketReceived onlyRules = structured(Impact.SERVICE_DOWN, Workaround.NONE);

        awaitRules(confirmedP1, EventType.PRIORITY_ASSIGNED, "P1", false);
        awaitRules(loweredToP2, EventType.PRIORITY_ASSIGNED, "P1", false);
        awaitRules(confirmedP2, EventType.PRIORITY_ASSIGNED, "P2", false);
        awaitRules(confirmedP3, EventType.PRIORITY_ASSIGNED, "P3", false);
        awaitRules(reviewLoweredToP4, EventType.TRIAGE_REVIEW_REQUESTED, "P1", true);
        // How text alone is read may change with the text model: the agent confirms whatever the rules said.
        Map<String, Object> textDecision = awaitTriaged(textConfirmed);
        String textPriority = (String) textDecision.get("priority");
        boolean textReviewed = (Boolean) textDecision.get("inReview");
        int text = Integer.parseInt(textPriority.substring(1)) - 1;
        awaitRules(decidedBefore, EventType.PRIORITY_ASSIGNED, "P1", false);
        awaitRules(decidedAtTheEnd, EventType.PRIORITY_ASSIGNED, "P3", false);
        awaitRules(redecidedInside, EventType.PRIORITY_ASSIGNED, "P3", false);
        awaitRules(onlyRules, EventType.PRIORITY_ASSIGNED, "P1", false);

        decide(decidedBefore, "P3", FROM.minusSeconds(1));
        decide(redecidedInside, "P1", FROM.minusSeconds(1));
        decide(confirmedP1, "P1", FROM);
        decide(loweredToP2, "P2", FROM.plus(Duration.ofHours(1)));
        decide(confirmedP2, "P2", FROM.plus(Duration.ofHours(2)));
        decide(confirmedP3, "P3", FROM.plus(Duration.ofHours(3)));
        decide(reviewLoweredToP4, "P4", FROM.plus(Duration.ofHours(4)));
        decide(textConfirmed, textPriority, FROM.plus(Duration.ofHours(5)));
        // Back to the rules' P3 after an agent had said P1 before the period: it counts once, as agreed.
        decide(redecidedInside, "P3", FROM.plus(Duration.ofHours(6)));
        decide(decidedAtTheEnd, "P4", TO);

        JsonPath report = agreement(FROM, TO);

        assertThat(report.getString("from")).isEqualTo("2031-06-01T00:00:00Z");
        assertThat(report.getString("to")).isEqualTo("2031-06-02T00:00:00Z");
        assertThat(report.getInt("decisions")).isEqualTo(7);
        assertThat(report.getInt("agreed")).isEqualTo(5);
        assertThat(report.getDouble("agreement")).isEqualTo(5.0 / 7, within(1e-6));
        assertThat(report.getMap("reviewed")).containsEntry("decisions", textReviewed ? 2 : 1)
                .containsEntry("agreed", textReviewed ? 1 : 0);
        // rows: the rules' priority, columns: the agent's
        int[][] expected = {
                {1, 1, 0, 1},
                {0, 1, 0, 0},
                {0, 0, 2, 0},
                {0, 0, 0, 0}};
        expected[text][text]++;
        assertThat(report.getList("confusion.rules")).containsExactly("P1", "P2", "P3", "P4");
        for (int rules = 0; rules < 4; rules++) {
            assertThat(report.<String, Integer>getMap("confusion[" + rules + "].agent")).as("row P%d", rules + 1)
                    .isEqualTo(Map.of("P1", expected[rules][0], "P2", expected[rules][1], "P3", expected[rules][2],
                            "P4", expected[rules][3]));
        }
        int[] agentGave = {1, 2, 2, 1};
        int[] agreed = {1, 1, 2, 0};
        agentGave[text]++;
        agreed[text]++;
        List<Map<String, Object>> perPriority = report.getList("perPriority");
        assertThat(perPriority).extracting(p -> p.get("priority")).containsExactly("P1", "P2", "P3", "P4");
        for (int p = 0; p < 4; p++) {
            assertThat(perPriority.get(p)).as("P%d", p + 1).containsEntry("agentDecisions", agentGave[p])
                    .containsEntry("agreed", agreed[p]);
            assertThat(((Number) perPriority.get(p).get("recall")).doubleValue()).as("recall P%d", p + 1)
                    .isCloseTo((double) agreed[p] / agentGave[p], within(1e-6));
        }
    }

    @Test
    void aPeriodWithoutAgentDecisionsHasNoAgreementFigure() {
        given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2030-01-02T00:00:00Z")
                .get("/api/v1/triage/agreement")
                .then().statusCode(200).body("decisions", equalTo(0)).body("agreed", equalTo(0))
                .body("agreement", nullValue()).body("perPriority[0].recall", nullValue())
                .body("perPriority[0].agentDecisions", equalTo(0)).body("reviewed.decisions", equalTo(0))
                .body("confusion[3].agent.P4", equalTo(0));
    }

    @Test
    void withoutAPeriodTheReportCoversTheLastThirtyDays() {
        TestClock.CLOCK.set(Instant.parse("2031-07-01T00:00:00Z"));
        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/agreement")
                .then().statusCode(200).body("from", equalTo("2031-06-01T00:00:00Z")).body("to", equalTo("2031-07-01T00:00:00Z"));
    }

    @Test
    void anUnreadableToIsABadRequestNamingTheFieldWithoutRepeatingIt() {
        given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", "2031-06-01T00:00:00Z").queryParam("to", "yesterday<script>")
                .get("/api/v1/triage/agreement")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("to")))
                .body(not(containsString("yesterday")));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequest() {
        given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", "2031-06-02T00:00:00Z").queryParam("to", "2031-06-01T00:00:00Z")
                .get("/api/v1/triage/agreement")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
    }

    @Test
    void aPeriodOfMoreThan366DaysIsABadRequest() {
        given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2031-01-02T00:00:01Z")
                .get("/api/v1/triage/agreement")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        given().auth().basic("ops", "ops-dev-password")
                .queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2031-01-02T00:00:00Z")
                .get("/api/v1/triage/agreement").then().statusCode(200);
    }

    @Test
    void onlyOpsReadsTheAgreement() {
        given().auth().basic("agent", "agent-dev-password")
                .queryParam("from", "2031-06-01T00:00:00Z").queryParam("to", "2031-06-02T00:00:00Z")
                .get("/api/v1/triage/agreement").then().statusCode(403);
        given().queryParam("from", "2031-06-01T00:00:00Z").queryParam("to", "2031-06-02T00:00:00Z")
                .get("/api/v1/triage/agreement").then().statusCode(401);
    }
}

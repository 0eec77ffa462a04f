package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.Priority;
import io.supportflow.testing.SupportFlowTestResource;

/**
 * The console's agreement of triage's rules with agents, counted from the decisions sla consumed on
 * tickets.priority. The report reads only decisions, so no ticket here is received or gets a clock.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class TriageAgreementTest extends SlaTestBase {

    private static final String AGREEMENT = "/api/v1/sla/console/triage-agreement";

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    private JsonPath agreement(Instant from, Instant to) {
        return ops().queryParam("from", from.toString()).queryParam("to", to.toString()).get(AGREEMENT)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void agentsLatestDecisionsInThePeriodAreComparedWithTheRulesFirstDecision() {
        Instant to = start.plus(Duration.ofDays(1));
        Tickets overridden = Tickets.newTicket();
        publishAndAwait(overridden.assigned(Priority.P3, start.minus(Duration.ofHours(1))));
        publishAndAwait(overridden.agentDecided(Priority.P1, start.plus(Duration.ofHours(1))));
        // The clock runs on P1 meanwhile, but the rules gave P2: the agent's P2 agrees.
        Tickets reviewConfirmed = Tickets.newTicket();
        publishAndAwait(reviewConfirmed.reviewRequested(Priority.P2, Priority.P1, start.minus(Duration.ofHours(1))));
        publishAndAwait(reviewConfirmed.agentDecided(Priority.P2, start.plus(Duration.ofHours(2))));
        // Consumed before the rules' decision it follows in event time.
        Tickets confirmedP4 = Tickets.newTicket();
        publishAndAwait(confirmedP4.agentDecided(Priority.P4, start.plus(Duration.ofHours(3))));
        publishAndAwait(confirmedP4.assigned(Priority.P4, start));
        Tickets decidedBefore = Tickets.newTicket();
        publishAndAwait(decidedBefore.assigned(Priority.P1, start.minus(Duration.ofHours(2))));
        publishAndAwait(decidedBefore.agentDecided(Priority.P2, start.minusSeconds(1)));
        Tickets decidedAtTheEnd = Tickets.newTicket();
        publishAndAwait(decidedAtTheEnd.assigned(Priority.P2, start));
        publishAndAwait(decidedAtTheEnd.agentDecided(Priority.P3, to));
        // Its latest agent decision falls after the period, so it counts there, not here.
        Tickets redecidedAfter = Tickets.newTicket();
        publishAndAwait(redecidedAfter.assigned(Priority.P2, start));
        publishAndAwait(redecidedAfter.agentDecided(Priority.P3, start.plus(Duration.ofHours(4))));
        publishAndAwait(redecidedAfter.agentDecided(Priority.P2, to.plus(Duration.ofHours(1))));
        publishAndAwait(Tickets.newTicket().assigned(Priority.P1, start.plus(Duration.ofHours(5))));

        JsonPath report = agreement(start, to);

        assertThat(Instant.parse(report.getString("from"))).isEqualTo(start);
        assertThat(Instant.parse(report.getString("to"))).isEqualTo(to);
        assertThat(report.getInt("decisions")).isEqualTo(3);
        assertThat(report.getInt("agreed")).isEqualTo(2);
        assertThat(report.getDouble("agreement")).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(report.<String, Integer>getMap("reviewed")).isEqualTo(Map.of("decisions", 1, "agreed", 1));
        // rows: the rules' priority, columns: the agent's
        int[][] expected = {
                {0, 0, 0, 0},
                {0, 1, 0, 0},
                {1, 0, 0, 0},
                {0, 0, 0, 1}};
        assertThat(report.getList("confusion.rules")).containsExactly("P1", "P2", "P3", "P4");
        for (int rules = 0; rules < 4; rules++) {
            assertThat(report.<String, Integer>getMap("confusion[" + rules + "].agent")).as("row P%d", rules + 1)
                    .isEqualTo(Map.of("P1", expected[rules][0], "P2", expected[rules][1], "P3", expected[rules][2],
                            "P4", expected[rules][3]));
        }
        List<Map<String, Object>> perPriority = report.getList("perPriority");
        assertThat(perPriority).extracting(p -> p.get("priority")).containsExactly("P1", "P2", "P3", "P4");
        assertThat(perPriority).extracting(p -> p.get("agentDecisions")).containsExactly(1, 1, 0, 1);
        assertThat(perPriority).extracting(p -> p.get("agreed")).containsExactly(0, 1, 0, 1);
        assertThat(perPriority).extracting(p -> p.get("recall")).containsExactly(0.0f, 1.0f, null, 1.0f);
    }

    @Test
    void aPeriodWithoutAgentDecisionsHasNoAgreementFigure() {
        publishAndAwait(Tickets.newTicket().assigned(Priority.P2, start.plusSeconds(1)));

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get(AGREEMENT)
                .then().statusCode(200)
                .body("decisions", equalTo(0))
                .body("agreement", nullValue())
                .body("perPriority[0].recall", nullValue())
                .body("reviewed.decisions", equalTo(0))
                .body("confusion[3].agent.P4", equalTo(0));
    }

    @Test
    void aBadPeriodIsRejectedNamingTheField() {
        ops().queryParam("from", "yesterday").queryParam("to", start.toString()).get(AGREEMENT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        ops().queryParam("from", start.toString()).queryParam("to", "tomorrow").get(AGREEMENT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        ops().queryParam("from", start.toString()).queryParam("to", start.toString()).get(AGREEMENT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
    }

    @Test
    void onlyOpsReadTheAgreement() {
        given().auth().preemptive().basic("agent", "agent-dev-password")
                .queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get(AGREEMENT).then().statusCode(403);
        given().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get(AGREEMENT).then().statusCode(401);
    }
}

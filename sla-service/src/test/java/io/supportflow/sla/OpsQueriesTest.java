package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class OpsQueriesTest extends SlaTestBase {

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    @Test
    void aRunningClockShowsItsDueTimeAndTimeLeft() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        publishAndAwait(ticket.assigned(Priority.P2, start.plusSeconds(5)));
        setClock(start.plus(Duration.ofHours(1)));

        ops().get("/api/v1/sla/tickets/" + ticket.ticketId())
                .then().statusCode(200)
                .body("state", equalTo("RUNNING"))
                .body("priority", equalTo("P2"))
                .body("target", equalTo("PT4H"))
                .body("dueAt", equalTo(start.plus(Duration.ofHours(4)).toString()))
                .body("timeLeft", equalTo("PT3H"))
                .body("reference", equalTo(ticket.reference()));
    }

    @Test
    void atRiskListsRunningClocksLeastTimeLeftFirst() {
        Tickets relaxed = Tickets.newTicket();
        Tickets urgent = Tickets.newTicket();
        publishAndAwait(relaxed.received(Plan.FREE, start));
        publishAndAwait(urgent.received(Plan.PRO, start.plus(Duration.ofMinutes(10))));
        publishAndAwait(urgent.assigned(Priority.P1, start.plus(Duration.ofMinutes(10))));

        List<String> order = ops().queryParam("limit", 500).get("/api/v1/sla/at-risk")
                .then().statusCode(200).extract().jsonPath().getList("ticketId", String.class);

        assertThat(order.stream().filter(id -> id.equals(relaxed.ticketId()) || id.equals(urgent.ticketId())))
                .containsExactly(urgent.ticketId(), relaxed.ticketId());
    }

    @Test
    void breachesInAPeriodLeaveOutRetractedOnes() {
        Tickets breached = Tickets.newTicket();
        Tickets retracted = Tickets.newTicket();
        for (Tickets ticket : List.of(breached, retracted)) {
            publishAndAwait(ticket.received(Plan.BUSINESS, start));
            publishAndAwait(ticket.assigned(Priority.P1, start));
        }
        setClock(start.plus(Duration.ofHours(2)));
        sla.awaitEvent(EventType.SLA_BREACHED, retracted.ticketId(), SOON);
        publish(retracted.logged(start.plus(Duration.ofMinutes(30))));
        sla.awaitEvent(EventType.SLA_BREACH_RETRACTED, retracted.ticketId(), SOON);

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/sla/breaches")
                .then().statusCode(200)
                .body("ticketId", equalTo(List.of(breached.ticketId())))
                .body("[0].breachedAt", equalTo(start.plus(Duration.ofHours(1)).toString()));
    }

    @Test
    void theReportGivesCompliancePerPlanAndPriorityAndTheSimulationAnswersForOtherTargets() {
        Tickets fast = Tickets.newTicket();
        Tickets slow = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publish(fast.received(Plan.PRO, start), fast.assigned(Priority.P1, start));
        publishAndAwait(fast.logged(start.plusSeconds(600)));
        publish(slow.received(Plan.PRO, start), slow.assigned(Priority.P1, start));
        publishAndAwait(slow.logged(start.plus(Duration.ofMinutes(90))));
        sla.awaitEvent(EventType.SLA_MET, fast.ticketId(), SOON);
        sla.awaitEvent(EventType.SLA_BREACHED, slow.ticketId(), SOON);
        String from = start.toString();
        String to = start.plus(Duration.ofDays(1)).toString();

        ops().queryParam("from", from).queryParam("to", to).get("/api/v1/sla/report")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].plan", equalTo("PRO"))
                .body("rows[0].tickets", equalTo(2))
                .body("rows[0].met", equalTo(1))
                .body("rows[0].breached", equalTo(1))
                .body("rows[0].compliancePercent", equalTo(50.0f))
                .body("rows[0].p50Seconds", equalTo(600))
                .body("rows[0].p99Seconds", equalTo(5400));
        ops().contentType(ContentType.JSON)
                .body("""
                        {"from":"%s","to":"%s","targets":{"PRO":{"P1":"PT2H"}}}""".formatted(from, to))
                .post("/api/v1/sla/simulate")
                .then().statusCode(200)
                .body("rows[0].met", equalTo(2))
                .body("rows[0].compliancePercent", equalTo(100.0f));
    }

    @Test
    void theSimulationReplaysTheRecordedEventsSoClocksTheDatabaseNoLongerHoldsStillCount() throws Exception {
        Tickets kept = Tickets.newTicket();
        Tickets forgotten = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publish(kept.received(Plan.BUSINESS, start), kept.assigned(Priority.P2, start));
        publishAndAwait(kept.logged(start.plus(Duration.ofHours(3))));
        publish(forgotten.received(Plan.BUSINESS, start), forgotten.reviewRequested(Priority.P2, start));
        publishAndAwait(forgotten.logged(start.plus(Duration.ofMinutes(20))));
        try (var connection = dataSource.getConnection(); var delete = connection.prepareStatement(
                "DELETE FROM sla_clock WHERE ticket_id = ?")) {
            delete.setString(1, forgotten.ticketId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        String period = """
                {"from":"%s","to":"%s","targets":{"BUSINESS":{"P2":"PT2H"}}}""".formatted(start,
                start.plus(Duration.ofDays(1)));

        ops().contentType(ContentType.JSON).body(period).post("/api/v1/sla/simulate")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].plan", equalTo("BUSINESS")).body("rows[0].priority", equalTo("P2"))
                .body("rows[0].tickets", equalTo(2))
                .body("rows[0].met", equalTo(1))
                .body("rows[0].breached", equalTo(1));
    }

    @Test
    void aReportWithAnUnreadableStartIsRefusedNamingTheField() {
        ops().queryParam("from", "yesterday").get("/api/v1/sla/report")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("from"));
    }

    @Test
    void aReportWithoutAPeriodCoversTheLastThirtyDays() {
        JsonPath report = ops().get("/api/v1/sla/report").then().statusCode(200).extract().jsonPath();
        assertThat(Duration.between(Instant.parse(report.getString("from")), Instant.parse(report.getString("to"))))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void opsQueriesNeedTheOpsRole() {
        given().auth().preemptive().basic("agent", "agent-dev-password").get("/api/v1/sla/at-risk")
                .then().statusCode(403);
        given().get("/api/v1/sla/at-risk").then().statusCode(401);
    }

    @Test
    void anUnknownTicketIsNotFoundAsAProblem() {
        ops().get("/api/v1/sla/tickets/no-such-ticket")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

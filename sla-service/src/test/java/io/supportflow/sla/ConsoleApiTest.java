package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.Topics;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter.Outgoing;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConsoleApiTest extends SlaTestBase {

    /** Earlier than every other test's tickets, so these clocks lead the console's list. */
    private static final Instant EARLY = Instant.parse("2026-01-05T08:00:00Z");

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    @Test
    void openClocksComeLeastTimeLeftFirstWithTheirState() {
        Tickets breached = Tickets.newTicket();
        Tickets warned = Tickets.newTicket();
        Tickets onTrack = Tickets.newTicket();
        setClock(EARLY);
        publishAndAwait(breached.received(Plan.PRO, EARLY));
        publishAndAwait(breached.assigned(Priority.P1, EARLY));
        publishAndAwait(warned.received(Plan.PRO, EARLY));
        publishAndAwait(warned.assigned(Priority.P2, EARLY));
        publishAndAwait(onTrack.received(Plan.FREE, EARLY));
        setClock(EARLY.plus(Duration.ofHours(3).plusMinutes(30)));
        sla.awaitEvent(EventType.SLA_BREACHED, breached.ticketId(), SOON);
        sla.awaitEvent(EventType.SLA_WARNING, warned.ticketId(), SOON);

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();

        assertThat(clocks.getList("ticketId", String.class).subList(0, 3))
                .containsExactly(breached.ticketId(), warned.ticketId(), onTrack.ticketId());
        assertThat(clocks.getList("state", String.class).subList(0, 3)).containsExactly("BREACHED", "WARNED", "ON_TRACK");
        assertThat(clocks.getLong("[0].timeLeftSeconds")).isEqualTo(-Duration.ofMinutes(150).toSeconds());
    }

    @Test
    void aReviewTicketsClockRunsOnItsStrictestPlausiblePriorityAndShowsItIsProvisional() {
        Tickets ticket = Tickets.newTicket();
        Instant reviewAt = EARLY.plusSeconds(2);
        setClock(EARLY.plusSeconds(5));
        publishAndAwait(ticket.received(Plan.BUSINESS, EARLY));
        publishAndAwait(ticket.reviewRequested(Priority.P3, Priority.P1, reviewAt));

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int index = clocks.getList("ticketId", String.class).indexOf(ticket.ticketId());

        assertThat(clocks.getString("[" + index + "].priority")).isEqualTo("P1");
        assertThat(clocks.getBoolean("[" + index + "].provisional")).isTrue();
        assertThat(Instant.parse(clocks.getString("[" + index + "].provisionalSince"))).isEqualTo(reviewAt);
        assertThat(Instant.parse(clocks.getString("[" + index + "].dueAt"))).isEqualTo(EARLY.plus(Duration.ofHours(1)));

        publishAndAwait(ticket.assigned(Priority.P3, EARLY.plusSeconds(4)));
        JsonPath decided = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int after = decided.getList("ticketId", String.class).indexOf(ticket.ticketId());
        assertThat(decided.getBoolean("[" + after + "].provisional")).isFalse();
        assertThat(decided.getString("[" + after + "].priority")).isEqualTo("P3");
    }

    @Test
    void aClockStartsWhenTheCustomerMadeContactNotWhenIntakeReceivedTheTicket() {
        Tickets ticket = Tickets.newTicket();
        Instant callStarted = EARLY.plusSeconds(10);
        setClock(EARLY.plus(Duration.ofMinutes(20)));
        publishAndAwait(ticket.calledIn(Plan.BUSINESS, callStarted, EARLY.plus(Duration.ofMinutes(15))));
        publishAndAwait(ticket.assigned(Priority.P1, EARLY.plus(Duration.ofMinutes(16))));

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int index = clocks.getList("ticketId", String.class).indexOf(ticket.ticketId());

        assertThat(Instant.parse(clocks.getString("[" + index + "].receivedAt"))).isEqualTo(callStarted);
        assertThat(Instant.parse(clocks.getString("[" + index + "].dueAt"))).isEqualTo(callStarted.plus(Duration.ofHours(1)));
    }

    @Test
    void aRedeliveredSurveyAnswerCountsOnceInSatisfaction() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        EventEnvelope happy = answer(ticket, 5, "Fast and friendly", start.plus(Duration.ofHours(2)));
        EventEnvelope unhappy = answer(ticket, 2, " ", start.plus(Duration.ofHours(3)));
        publish(happy, happy);
        publishAndAwait(unhappy);

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(200)
                .body("responses", equalTo(2))
                .body("csatPercent", equalTo(50.0f))
                .body("averageRating", equalTo(3.5f))
                .body("recentComments.size()", equalTo(1))
                .body("recentComments[0].comment", equalTo("Fast and friendly"))
                .body("recentComments[0].reference", equalTo(ticket.reference()));
    }

    @Test
    void anAnswerGivenTwiceInOneBatchOrAlreadyStoredCountsOnce() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        String stored = UUID.randomUUID().toString();
        String twice = UUID.randomUUID().toString();
        publishAndAwait(answer(ticket, stored, 5, "Fast", start.plus(Duration.ofHours(1))));
        String dlq = Topics.deadLetter(Topics.SURVEYS_RESPONSES);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            List<EventEnvelope> batch = List.of(
                    answer(ticket, stored, 1, "Changed my mind", start.plus(Duration.ofHours(2))),
                    answer(ticket, twice, 4, "Fine", start.plus(Duration.ofHours(3))),
                    answer(ticket, twice, 2, "Fine, really", start.plus(Duration.ofHours(3))));
            writer.sendTogether(batch.stream().map(Outgoing::of).toList());
            awaitProcessed(batch);
            assertThat(deadLetters.records(r -> ticket.ticketId().equals(r.key()))).isEmpty();
        }

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(200)
                .body("responses", equalTo(2))
                .body("averageRating", equalTo(4.5f));
    }

    @Test
    void anUnreadableSurveyAnswerGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String dlq = Topics.deadLetter(Topics.SURVEYS_RESPONSES);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            Tickets ticket = Tickets.newTicket();
            writer.send(Topics.SURVEYS_RESPONSES, ticket.ticketId(), "{\"rating\":", Map.of(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.SURVEY_COMPLETED.ceType(),
                    "ce_time", Instant.now().toString()));
            publishAndAwait(answer(ticket, 4, "ok", start));

            Awaitility.await("poison record on " + dlq).atMost(SOON)
                    .until(() -> !deadLetters.records(r -> ticket.ticketId().equals(r.key())).isEmpty());
            assertThat(deadLetters.records(r -> ticket.ticketId().equals(r.key())).get(0).value()).isEqualTo("{\"rating\":");
        }
    }

    @Test
    void aBadPeriodIsRejectedNamingTheField() {
        ops().queryParam("from", "yesterday").queryParam("to", start.toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void apiCallsWithoutCredentialsAreChallengedWithBasicWhileTheConsoleSendsBrowsersToItsLoginPage() {
        given().get("/api/v1/sla/at-risk").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().redirects().follow(false).get("/console/").then().statusCode(302)
                .header("Location", containsString("/console/login.html"));
        given().get("/console/login.html").then().statusCode(200);
        given().auth().preemptive().basic("agent", "agent-dev-password").get("/api/v1/sla/console/open-clocks")
                .then().statusCode(403);
    }

    @Test
    void theConsoleIsOpenToOpsAfterFormLogin() {
        String session = given().redirects().follow(false)
                .formParam("j_username", "ops").formParam("j_password", "ops-dev-password")
                .post("/j_security_check")
                .then().statusCode(302).extract().cookie("supportflow-console");

        given().cookie("supportflow-console", session).get("/console/").then().statusCode(200)
                .body(containsString("id=\"feed\""));
        given().cookie("supportflow-console", session).get("/api/v1/sla/console/settings").then().statusCode(200)
                .body("ticketTimelineBaseUrl", equalTo("http://127.0.0.1:8081"));
        given().get("/webjars/echarts/dist/echarts.min.js").then().statusCode(200);
    }

    private static EventEnvelope answer(Tickets ticket, int rating, String comment, Instant at) {
        return answer(ticket, UUID.randomUUID().toString(), rating, comment, at);
    }

    private static EventEnvelope answer(Tickets ticket, String surveyId, int rating, String comment, Instant at) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/survey-service", at,
                new SurveyCompleted(ticket.ticketId(), surveyId, rating, comment, at));
    }
}

package io.supportflow.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SurveyStatsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    // A period of its own, so surveys of other tests do not count.
    private static final Instant DAY = Instant.parse("2021-03-01T08:00:00Z");

    @TopicClients.Reads({Topics.SURVEYS_REQUESTED, Topics.SURVEYS_RESPONSES})
    private TopicReader topics;
    private TopicWriter writer;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    private String survey(Plan plan, Channel channel, Priority priority, Instant resolvedAt) {
        Tickets ticket = Tickets.any();
        writer.publish(ticket.received("Stats " + plan, "en", plan, channel, resolvedAt.minus(Duration.ofHours(2))));
        if (priority != null) {
            writer.publish(ticket.priority(priority, resolvedAt.minus(Duration.ofHours(1))));
        }
        writer.publish(ticket.resolved(resolvedAt));
        SurveyRequested requested = topics.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
        return SurveyBrowser.pathOf(requested.url());
    }

    private void answer(String path, String rating, String comment, Instant at) {
        TestClock.CLOCK.set(at);
        SurveyBrowser.answer(path, rating, comment).then().statusCode(200);
    }

    @Test
    void opsSeeSatisfactionResponseRateAndTheLatestCommentsOfAPeriod() {
        String enterprise = survey(Plan.ENTERPRISE, Channel.PHONE, Priority.P1, DAY);
        String pro = survey(Plan.PRO, Channel.WEB, Priority.P3, DAY.plus(Duration.ofHours(1)));
        survey(Plan.PRO, Channel.CHAT, null, DAY.plus(Duration.ofHours(2)));
        survey(Plan.FREE, Channel.WEB, Priority.P4, DAY.minus(Duration.ofDays(1)));
        answer(enterprise, "5", "Brilliant <b>support</b>", DAY.plus(Duration.ofHours(3)));
        answer(pro, "2", "Took too long", DAY.plus(Duration.ofHours(4)));
        TestClock.CLOCK.followSystemClock();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic("ops", "ops-dev-password")
                .queryParam("from", DAY.toString()).queryParam("to", DAY.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/surveys/stats")
                .then().statusCode(200)
                .body("overall.requested", equalTo(3))
                .body("overall.responded", equalTo(2))
                .body("overall.responseRate", equalTo(0.6667f))
                .body("overall.csat", equalTo(0.5f))
                .body("overall.averageRating", equalTo(3.5f))
                .body("byPlan.PRO.requested", equalTo(2))
                .body("byPlan.PRO.csat", equalTo(0.0f))
                .body("byPlan.ENTERPRISE.csat", equalTo(1.0f))
                .body("byPlan.FREE", nullValue())
                .body("byPriority.P1.averageRating", equalTo(5.0f))
                .body("byPriority.UNKNOWN.responded", equalTo(0))
                .body("byChannel.PHONE.responded", equalTo(1))
                .body("byChannel.CHAT.responseRate", equalTo(0.0f))
                .body("latestComments.comment", contains("Took too long", "Brilliant <b>support</b>"))
                .body("latestComments.rating", contains(2, 5)));
    }

    @Test
    void statisticsAreForOpsOnly() {
        given().get("/api/v1/surveys/stats").then().statusCode(401);
        given().auth().preemptive().basic("agent", "agent-dev-password").get("/api/v1/surveys/stats")
                .then().statusCode(403);
        given().auth().preemptive().basic("ops", "ops-dev-password").get("/api/v1/surveys/stats")
                .then().statusCode(200);
    }

    @Test
    void aPeriodThatIsNotOneIsA400NamingTheField() {
        given().auth().preemptive().basic("ops", "ops-dev-password").queryParam("from", "yesterday")
                .get("/api/v1/surveys/stats")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        given().auth().preemptive().basic("ops", "ops-dev-password")
                .queryParam("from", DAY.toString()).queryParam("to", DAY.minusSeconds(1).toString())
                .get("/api/v1/surveys/stats")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
    }
}

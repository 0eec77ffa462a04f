package io.supportflow.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.survey.domain.SurveyTokens;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

/** Clients are told apart by X-Forwarded-For, which the test profile trusts as a proxy's. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class GuessingProtectionTest {

    private static final int MAX_MISSES = 10;
    /** Half of the misses may come at once; the other half come back over the window. */
    private static final int BURST = MAX_MISSES - MAX_MISSES / 2;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    @Test
    void aClientGuessingTokensIsRefusedForEverySurveyUntilTheWindowPasses() {
        String realSurvey = openSurvey();
        String guesser = "203.0.113.7";
        for (int miss = 0; miss < BURST; miss++) {
            given().header("X-Forwarded-For", guesser).get("/surveys/" + SurveyTokens.next()).then().statusCode(404);
        }

        given().header("X-Forwarded-For", guesser).get("/surveys/" + SurveyTokens.next())
                .then().statusCode(429).header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", guesser).get(realSurvey).then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.8").get(realSurvey).then().statusCode(200);

        TestClock.CLOCK.set(java.time.Instant.now().plus(Duration.ofMinutes(2)));
        given().header("X-Forwarded-For", guesser).get(realSurvey).then().statusCode(200);
    }

    private static String openSurvey() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        try (TopicReader requested = TopicReader.fromNow(bootstrap, Topics.SURVEYS_REQUESTED);
             TopicWriter writer = new TopicWriter(bootstrap)) {
            Tickets ticket = Tickets.any();
            writer.publish(ticket.received("Guarded", "en"));
            writer.publish(ticket.resolved(Tickets.now()));
            SurveyRequested survey = requested.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(),
                    Duration.ofSeconds(20));
            return SurveyBrowser.pathOf(survey.url());
        }
    }
}

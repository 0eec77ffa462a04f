package io.supportflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.supportflow.testing.ProcessStack;

/**
 * Two instances of intake and two of survey, each pair on one database, as behind a load balancer: a client
 * alternating between the instances gets the allowance once, not once per instance. Intake's channel keys get six
 * requests (and one more every 1,000 s); a survey client five unknown tokens at once (and five more a minute).
 */
class SharedLimitsIT {

    private static final int INTAKE_BURST = 6;
    private static final int SURVEY_BURST = 5;

    private static ProcessStack stack;
    private static List<String> intakes;
    private static List<String> surveys;

    @BeforeAll
    static void startTwoInstancesEach() {
        stack = ProcessStack.onSharedPostgres();
        stack.start(List.of("intake-service", "survey-service"), Map.of(
                "SUPPORTFLOW_INTAKE_REQUEST_LIMITS_DEFAULT_PER_SECOND", "0.001",
                "SUPPORTFLOW_INTAKE_REQUEST_LIMITS_DEFAULT_BURST", String.valueOf(INTAKE_BURST),
                "SUPPORTFLOW_SURVEY_GUESSING_MAX_MISSES", String.valueOf(2 * SURVEY_BURST)));
        intakes = List.of(stack.url("intake-service"), stack.startAnotherInstance("intake-service").baseUrl());
        surveys = List.of(stack.url("survey-service"), stack.startAnotherInstance("survey-service").baseUrl());
    }

    @AfterAll
    static void stopThem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anApiKeyAlternatingBetweenTwoIntakeInstancesGetsItsAllowanceOnce() {
        List<Integer> statuses = new ArrayList<>();
        for (int request = 0; request < 2 * INTAKE_BURST; request++) {
            // An empty ticket: the allowance is taken before the ticket is read, so it is a 400 until it is used up.
            statuses.add(given().baseUri(intakes.get(request % 2)).header("X-Api-Key", "dev-chat-key")
                    .contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/tickets").statusCode());
        }

        assertThat(statuses.subList(0, INTAKE_BURST)).containsOnly(400);
        assertThat(statuses.subList(INTAKE_BURST, statuses.size())).containsOnly(429);
    }

    @Test
    void aClientGuessingSurveyTokensOnTwoInstancesIsRefusedAfterTheMissesOfOne() {
        List<Integer> statuses = new ArrayList<>();
        for (int guess = 0; guess < 2 * SURVEY_BURST; guess++) {
            statuses.add(given().baseUri(surveys.get(guess % 2)).get("/surveys/" + UUID.randomUUID()).statusCode());
        }

        // Five misses at once, and the window refills one every 12 s: a sixth if the guesses took that long.
        assertThat(statuses.stream().filter(status -> status == 404).count()).isBetween(5L, 6L);
        assertThat(statuses.subList(statuses.size() - 3, statuses.size())).containsOnly(429);
    }
}

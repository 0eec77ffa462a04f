package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.json;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;
import io.supportflow.testing.DatabaseOutage;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** A submission key yields one ticket, however often and however simultaneously it is sent. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class IdempotencyTest {

    private static final int SIMULTANEOUS = 50;

    @TestHTTPResource("/api/v1/tickets")
    URI tickets;

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @Test
    void fiftySimultaneousIdenticalSubmissionsMakeOneTicketAndOneEvent() throws Exception {
        String body = json(validTicket("ENTERPRISE"));
        List<HttpResponse<String>> answers = postAllAtOnce(body);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> accepted = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            accepted.add(json.readTree(answer.body()));
        }
        String ticketId = accepted.get(0).get("ticketId").asText();
        String reference = accepted.get(0).get("reference").asText();
        assertThat(accepted).allSatisfy(answer -> {
            assertThat(answer.get("ticketId").asText()).isEqualTo(ticketId);
            assertThat(answer.get("reference").asText()).isEqualTo(reference);
        });

        received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(10));
        assertNothingPublishedAfter(ticketId);
    }

    @Test
    void aSubmissionTheDatabaseCannotTakeIsA503ToRetryNotADuplicateAndARetryIsAccepted() {
        Map<String, Object> ticket = validTicket("PRO");
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

        try (DatabaseOutage outage = DatabaseOutage.begin(database)) {
            post(WEB_KEY, ticket).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1");
        }

        // As a channel adapter does after a 503: post the same ticket again until it is taken.
        String ticketId = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(WEB_KEY, ticket).extract().response(), answer -> answer.statusCode() == 202)
                .path("ticketId");
        received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(30));
        assertThat(received.records()).as("nothing from the refused attempt, one TicketReceived from the retry").hasSize(1);
    }

    @Test
    void theSameExternalRefWithADifferentBodyIsAConflictAndPublishesNothingNew() {
        Map<String, Object> ticket = validTicket("PRO");
        // As a channel adapter does after a 503: post the same ticket again until it is taken.
        String ticketId = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(WEB_KEY, ticket).extract().response(), answer -> answer.statusCode() == 202)
                .path("ticketId");
        received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(10));

        ticket.put("subject", "Something else entirely");
        post(WEB_KEY, ticket).statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
        assertNothingPublishedAfter(ticketId);
    }

    @Test
    void theIdempotencyKeyHeaderDecidesTheTicketOverTheExternalRef() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> ticket = validTicket("BUSINESS");
        String first = submitWithKey(key, ticket).statusCode(202).extract().path("ticketId");
        String again = submitWithKey(key, ticket).statusCode(202).extract().path("ticketId");
        assertThat(again).isEqualTo(first);

        ticket.put("externalRef", "another-" + UUID.randomUUID());
        submitWithKey(key, ticket).statusCode(409).contentType("application/problem+json");

        received.awaitRecord(EventType.TICKET_RECEIVED, first, Duration.ofSeconds(10));
        assertNothingPublishedAfter(first);
    }

    @Test
    void theSameExternalRefOnAnotherChannelIsAnotherTicket() {
        Map<String, Object> ticket = validTicket("PRO");
        String web = submit(WEB_KEY, ticket);
        String chat = submit(CHAT_KEY, ticket);
        assertThat(chat).isNotEqualTo(web);
    }

    private ValidatableResponse submitWithKey(String key, Map<String, Object> ticket) {
        return given().header("X-Api-Key", WEB_KEY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(json(ticket)).post(TICKETS).then();
    }

    /** The ticket's event is on the topic exactly once, and a later probe shows nothing else came. */
    private void assertNothingPublishedAfter(String ticketId) {
        assertThat(received.records(r -> ticketId.equals(r.key()))).hasSize(1);
        List<ReceivedRecord> before = received.records();
        String probeId = submit(WEB_KEY, validTicket("PRO"));
        received.awaitRecord(EventType.TICKET_RECEIVED, probeId, Duration.ofSeconds(10));
        assertThat(received.records()).hasSize(before.size() + 1);
        assertThat(received.records(r -> ticketId.equals(r.key()))).hasSize(1);
    }

    private List<HttpResponse<String>> postAllAtOnce(String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(tickets).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", WEB_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < SIMULTANEOUS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.json;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** What the body as a whole must be: small enough, JSON, a ticket object; and text arrives exactly as sent. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class RequestFormatTest {

    @TestHTTPResource("/api/v1/tickets")
    URI tickets;

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @Test
    void aBodyOver64KibIsRefusedWith413ProblemAndNothingIsPublished() {
        Map<String, Object> ticket = validTicket("PRO");
        ticket.put("description", "x".repeat(64 * 1024));

        post(WEB_KEY, ticket).statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void aBodyOver64KibSentWithoutALengthIsRefusedWith413AndNothingIsPublished() throws Exception {
        Map<String, Object> ticket = validTicket("PRO");
        ticket.put("description", "x".repeat(64 * 1024));
        byte[] body = json(ticket).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(tickets).header("X-Api-Key", WEB_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertNothingPublishedBefore(received);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aBodyThatIsNotJsonIsRefusedWith415ProblemAndNothingIsPublished(String contentType) {
        given().header("X-Api-Key", WEB_KEY).contentType(contentType).body(json(validTicket("PRO")))
                .post(TICKETS)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("errors[0].field", equalTo("Content-Type"));
        assertNothingPublishedBefore(received);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"plan\": \"PRO\", ", "not json at all", "{\"plan\": PRO}"})
    void malformedJsonIsRefusedWith400ProblemAndNothingIsPublished(String body) {
        post(WEB_KEY, body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void jsonOfTheWrongShapeIsRefusedNamingTheField() {
        post(WEB_KEY, "{\"externalRef\":\"x-1\",\"plan\":\"PRO\",\"customer\":\"Ada\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("customer"));
        post(WEB_KEY, "[1, 2]").statusCode(400).contentType("application/problem+json");
        assertNothingPublishedBefore(received);
    }

    @Test
    void anEmptyBodyIsRefusedNamingTheBody() {
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).post(TICKETS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void anOverlongIdempotencyKeyIsRefusedNamingTheHeader() {
        given().header("X-Api-Key", WEB_KEY).header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON)
                .body(json(validTicket("PRO"))).post(TICKETS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void unicodeNewlinesAndTabsArePublishedExactlyAsSent() {
        String subject = "Zähler läuft nicht — 日本語 \uD83D\uDE80 <b>&amp; \"quoted\"";
        String description = "Zeile 1\r\nZeile 2\n\n\tEingerückt  \nÄÖÜß € \uD83D\uDC4D\u200B end ";
        Map<String, Object> ticket = validTicket("ENTERPRISE");
        ticket.put("subject", subject);
        ticket.put("description", description);
        TicketRequests.customerOf(ticket).put("name", "Zoë Ægir-Øster");
        TicketRequests.customerOf(ticket).put("locale", "de");

        String ticketId = submit(WEB_KEY, ticket);

        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(10));
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.description()).isEqualTo(description);
        assertThat(event.customer().name()).isEqualTo("Zoë Ægir-Øster");
        assertThat(event.customer().locale()).isEqualTo("de");
    }
}

package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportflow.events.EventType;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.TopicReader;

/** Tickets as channel adapters post them, and the checks every intake test shares. */
final class TicketRequests {

    static final String WEB_KEY = "dev-web-key";
    static final String CHAT_KEY = "dev-chat-key";
    static final String PHONE_KEY = "dev-phone-key";
    static final String TICKETS = "/api/v1/tickets";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketRequests() {
    }

    /** A valid ticket as a mutable map, so a test can break exactly one thing in it. */
    static Map<String, Object> validTicket(String plan) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("accountId", "ACME-7");
        customer.put("name", "Ada Lovelace");
        customer.put("email", "ada@example.com");
        customer.put("locale", "en");
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("externalRef", "ref-" + UUID.randomUUID());
        ticket.put("plan", plan);
        ticket.put("customer", customer);
        ticket.put("subject", "Cannot join any meeting");
        ticket.put("description", "Since 9:00 every join fails.\nNo workaround.");
        ticket.put("category", "OUTAGE");
        ticket.put("impact", "SERVICE_DOWN");
        ticket.put("workaround", "NONE");
        return ticket;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> customerOf(Map<String, Object> ticket) {
        return (Map<String, Object>) ticket.get("customer");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ValidatableResponse post(String apiKey, Object ticket) {
        return given().header("X-Api-Key", apiKey).contentType(ContentType.JSON)
                .body(ticket instanceof String text ? text : json(ticket))
                .when().post(TICKETS).then();
    }

    static String submit(String apiKey, Map<String, Object> ticket) {
        return post(apiKey, ticket).statusCode(202).extract().path("ticketId");
    }

    /**
     * Proves that nothing reached tickets.received since {@code reader} opened: a valid probe
     * posted now is published after anything written before it, so once the probe is read,
     * it must be the only record.
     */
    static void assertNothingPublishedBefore(TopicReader reader) {
        String probeId = submit(WEB_KEY, validTicket("PRO"));
        reader.awaitRecord(EventType.TICKET_RECEIVED, probeId, Duration.ofSeconds(10));
        assertThat(reader.records()).extracting(ReceivedRecord::key).containsExactly(probeId);
    }
}

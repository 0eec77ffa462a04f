package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.customerOf;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.testing.HostileInput;
import io.supportflow.testing.HostileUrl;
import io.supportflow.testing.RawHttp;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/**
 * The hostile-input table on intake's POST endpoints: every hostile text in every text field is
 * either refused naming the field, with nothing published or stored, or kept exactly as sent.
 * Nothing published is checked once for the whole table: at its end, tickets.received holds
 * exactly the tickets it accepted and a probe posted last. On the GET endpoints, hostile ids and
 * query parameters are problem+json naming the parameter, never a 500 or an echo.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    /** Each text field of a ticket: where it sits in the request, where in the event, and whether it is one line. */
    enum TextField {
        SUBJECT("subject", true, TicketReceived::subject),
        DESCRIPTION("description", false, TicketReceived::description),
        EXTERNAL_REF("externalRef", true, TicketReceived::externalRef),
        CUSTOMER_NAME("customer.name", true, e -> e.customer().name()),
        CUSTOMER_ACCOUNT("customer.accountId", true, e -> e.customer().accountId());

        final String path;
        final boolean oneLine;
        final Function<TicketReceived, String> published;

        TextField(String path, boolean oneLine, Function<TicketReceived, String> published) {
            this.path = path;
            this.oneLine = oneLine;
            this.published = published;
        }

        void set(Map<String, Object> ticket, String value) {
            if (path.startsWith("customer.")) {
                customerOf(ticket).put(path.substring("customer.".length()), value);
            } else {
                ticket.put(path, value);
            }
        }

        boolean refuses(HostileInput.Case text) {
            return oneLine ? HostileInput.refusedInLine(text) : HostileInput.refusedInText(text);
        }
    }

    @Inject
    DataSource database;

    /** Read for the whole table: what reaches the topics must be exactly the tickets the table accepted. */
    private static TopicReader topics;
    private static final Set<String> accepted = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void readTopics() {
        topics = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), Topics.TICKETS_RECEIVED,
                Topics.TICKETS_LIFECYCLE);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void lastOfAllTicketsReceivedHoldsOnlyTheAcceptedTicketsNothingRefused() {
        try (TopicReader reader = topics) {
            String probeId = submit(WEB_KEY, validTicket("PRO"));
            reader.awaitRecord(EventType.TICKET_RECEIVED, probeId, Duration.ofSeconds(30));
            assertThat(reader.records(r -> r.topic().equals(Topics.TICKETS_RECEIVED)))
                    .extracting(ReceivedRecord::key)
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(accepted.stream(), Stream.of(probeId)).toList());
        }
    }

    private static String accept(String ticketJson) {
        String ticketId = post(WEB_KEY, ticketJson).statusCode(202).extract().path("ticketId");
        accepted.add(ticketId);
        return ticketId;
    }

    static Stream<Arguments> everyTextInEveryField() {
        return Stream.of(TextField.values()).flatMap(field ->
                HostileInput.texts().stream().map(text -> Arguments.of(field, text)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyTextInEveryField")
    void aHostileTextIsRefusedNamingTheFieldOrKeptExactly(TextField field, HostileInput.Case text) {
        Map<String, Object> ticket = validTicket("BUSINESS");
        field.set(ticket, text.value());

        if (field.refuses(text)) {
            long before = storedRows();
            post(WEB_KEY, HostileInput.asciiJson(ticket)).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field.path));
            assertThat(storedRows()).isEqualTo(before);
        } else {
            String ticketId = accept(HostileInput.asciiJson(ticket));
            TicketReceived event = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(30));
            assertThat(field.published.apply(event)).isEqualTo(text.value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#texts")
    void anEmailAddressWithHostileTextIsRefused(HostileInput.Case text) {
        Map<String, Object> ticket = validTicket("PRO");
        customerOf(ticket).put("email", text.value());
        long before = storedRows();

        post(WEB_KEY, HostileInput.asciiJson(ticket)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("customer.email"));
        assertThat(storedRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#malformedJsonBodies")
    void aMalformedBodyIsRefusedWith400ProblemAndNothingIsStored(HostileInput.Body body) {
        long before = storedRows();

        post(WEB_KEY, body.text()).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        assertThat(storedRows()).isEqualTo(before);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("subject", "{\"subject\": true}"),
                Arguments.of("subject", "{\"subject\": 42}"),
                Arguments.of("description", "{\"description\": [\"a\", \"b\"]}"),
                Arguments.of("description", "{\"description\": 1.5e300}"),
                Arguments.of("customer", "{\"customer\": [1]}"),
                Arguments.of("customer.email", "{\"customer\": {\"email\": {\"a\": 1}}}"),
                Arguments.of("plan", "{\"plan\": false}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wrongTypes")
    void aFieldOfTheWrongTypeIsRefusedNamingIt(String field, String body) {
        long before = storedRows();

        post(WEB_KEY, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(storedRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#texts")
    void anAgentsNoteIsRefusedNamingItOrPublishedExactly(HostileInput.Case text) {
        String ticketId = accept(TicketRequests.json(validTicket("PRO")));
        boolean refused = TextField.DESCRIPTION.refuses(text);

        asAgent().contentType("application/json").body(HostileInput.asciiJson(Map.of("note", text.value())))
                .post(TICKETS + "/" + ticketId + "/resolve")
                .then().statusCode(refused ? 400 : 200);

        if (refused) {
            asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200);
            TicketResolved resolved = topics.awaitEvent(EventType.TICKET_RESOLVED, ticketId, Duration.ofSeconds(30));
            assertThat(resolved.note()).isNull();
            assertThat(topics.events(EventType.TICKET_RESOLVED, ticketId)).hasSize(1);
        } else {
            TicketResolved resolved = topics.awaitEvent(EventType.TICKET_RESOLVED, ticketId, Duration.ofSeconds(30));
            assertThat(resolved.note()).isEqualTo(text.value());
        }
    }

    /** No body at all (empty or null) is a resolve without a note. */
    static Stream<HostileInput.Body> malformedNoteBodies() {
        return HostileInput.malformedJsonBodies().stream()
                .filter(body -> !body.text().isEmpty() && !body.text().equals("null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNoteBodies")
    void aMalformedResolveBodyIsRefusedAndTheTicketStaysOpen(HostileInput.Body body) {
        String ticketId = accept(TicketRequests.json(validTicket("PRO")));

        asAgent().contentType("application/json").body(body.text()).post(TICKETS + "/" + ticketId + "/resolve")
                .then().statusCode(400).contentType("application/problem+json");

        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/reopen").then().statusCode(409);
    }

    /** Rows the write side keeps: tickets and events waiting for (or done with) the relay. */
    private long storedRows() {
        return StoredRows.count(database, "ticket", "outbox_event");
    }

    static Stream<HostileUrl> hostileQueries() {
        return Stream.of(
                HostileUrl.ids(TICKETS + "/", "id"),
                HostileUrl.values(TICKETS, "status", ""),
                HostileUrl.values(TICKETS, "plan", "status=OPEN"),
                HostileUrl.values(TICKETS, "priority", ""),
                HostileUrl.values(TICKETS, "channel", ""),
                HostileUrl.values(TICKETS, "page", "size=10"),
                HostileUrl.values(TICKETS, "size", ""),
                Stream.of(
                        HostileUrl.wrong(TICKETS, "status", "open", ""),
                        HostileUrl.wrong(TICKETS, "plan", "GOLD", ""),
                        HostileUrl.wrong(TICKETS, "priority", "P5", ""),
                        HostileUrl.wrong(TICKETS, "channel", "EMAIL", ""),
                        HostileUrl.wrong(TICKETS, "page", "-1", ""),
                        HostileUrl.wrong(TICKETS, "page", "1.5", ""),
                        HostileUrl.wrong(TICKETS, "page", "2147483647", ""),
                        HostileUrl.wrong(TICKETS, "page", "99999999999", ""),
                        HostileUrl.wrong(TICKETS, "size", "0", ""),
                        HostileUrl.wrong(TICKETS, "size", "101", ""),
                        HostileUrl.wrong(TICKETS, "size", "ten", "")))
                .flatMap(urls -> urls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileQueries")
    void aHostileIdOrQueryParameterIsRefusedAsAProblemNamingItWithoutEchoingIt(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("agent", "agent-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
    }
}

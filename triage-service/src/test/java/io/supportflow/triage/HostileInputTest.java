package io.supportflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.Workaround;
import io.supportflow.testing.HostileInput;
import io.supportflow.testing.HostileUrl;
import io.supportflow.testing.RawHttp;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.Tickets;

/**
 * The hostile-input table on an agent's PUT of a priority: each hostile reason is refused naming
 * {@code reason} with nothing published, or published exactly as sent; malformed bodies are 400.
 * A hostile ticket id in a GET is problem+json, never a 500 or an echo.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class HostileInputTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TopicReader priorities;
    private static TopicWriter writer;

    @BeforeAll
    static void open() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        priorities = TopicReader.fromNow(bootstrap, Topics.TICKETS_PRIORITY);
        writer = new TopicWriter(bootstrap);
    }

    @AfterAll
    static void close() {
        priorities.close();
        writer.close();
    }

    /** A ticket triaged by the rules (P1: service down), ready for an agent's decision. */
    private static String triagedTicket() {
        TicketReceived ticket = Tickets.ticket(Plan.PRO, "Login page down", "", null, Impact.SERVICE_DOWN,
                Workaround.NONE, Instant.now());
        writer.publish(Tickets.envelope(ticket));
        priorities.awaitRecord(EventType.PRIORITY_ASSIGNED, ticket.ticketId(), WAIT);
        return ticket.ticketId();
    }

    private static RequestSpecification asAgent() {
        return given().auth().basic("agent", "agent-dev-password").contentType(ContentType.JSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#texts")
    void aHostileReasonIsRefusedNamingItOrPublishedExactly(HostileInput.Case text) {
        String ticketId = triagedTicket();
        String body = HostileInput.asciiJson(Map.of("priority", "P3", "reason", text.value()));

        if (HostileInput.refusedInText(text)) {
            asAgent().body(body).put("/api/v1/triage/tickets/{id}/priority", ticketId)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
            asAgent().body("{\"priority\":\"P4\",\"reason\":\"probe\"}").put("/api/v1/triage/tickets/{id}/priority", ticketId)
                    .then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> priorities.events(EventType.PRIORITY_ASSIGNED, ticketId).size() == 2);
            PriorityAssigned probe = priorities.<PriorityAssigned>events(EventType.PRIORITY_ASSIGNED, ticketId).get(1);
            assertThat(probe.reason()).as("the refused decision was never published").isEqualTo("probe");
        } else {
            asAgent().body(body).put("/api/v1/triage/tickets/{id}/priority", ticketId).then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> priorities.events(EventType.PRIORITY_ASSIGNED, ticketId).size() == 2);
            PriorityAssigned decided = priorities.<PriorityAssigned>events(EventType.PRIORITY_ASSIGNED, ticketId).get(1);
            assertThat(decided.reason()).isEqualTo(text.value().strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#malformedJsonBodies")
    void aMalformedBodyIsRefusedAndThePriorityStays(HostileInput.Body body) {
        String ticketId = triagedTicket();

        asAgent().body(body.text()).put("/api/v1/triage/tickets/{id}/priority", ticketId)
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().basic("ops", "ops-dev-password").get("/api/v1/triage/tickets/{id}", ticketId)
                .then().statusCode(200).body("priority", org.hamcrest.Matchers.equalTo("P1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void aHostileTicketIdIsRefusedAsAProblemWithoutEchoingIt(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("ops", "ops-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
    }

    static Stream<HostileUrl> hostileIds() {
        return HostileUrl.ids("/api/v1/triage/tickets/", "id");
    }
}

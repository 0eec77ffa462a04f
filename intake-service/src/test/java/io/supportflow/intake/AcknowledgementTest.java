package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/**
 * Agents take tickets up: the first acknowledgement is the take-up the handling clock stops at, a later one
 * naming another assignee re-assigns, and one that changes nothing (a retried request) publishes nothing.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AcknowledgementTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TopicClients.Reads(Topics.TICKETS_LIFECYCLE)
    private TopicReader lifecycle;

    private Instant now;

    @BeforeEach
    void stopIntakesClock() {
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestClock.CLOCK.set(now);
    }

    @AfterEach
    void letItRun() {
        TestClock.CLOCK.followSystemClock();
    }

    @Test
    void acknowledgingPublishesOneEventByTheAgentWithTheAssigneeAndShowsItInTheView() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant at = now.plusSeconds(90);
        TestClock.CLOCK.set(at);

        acknowledge(ticketId, "{\"assignee\":\"agent.kim\"}").statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("acknowledgedAt", equalTo(at.toString()))
                .body("acknowledgedBy", equalTo("agent"))
                .body("assignee", equalTo("agent.kim"));

        ReceivedRecord record = lifecycle.awaitRecord(EventType.TICKET_ACKNOWLEDGED, ticketId, WAIT);
        assertThat(record.header("ce_time")).isEqualTo(at.toString());
        assertThat(record.envelope().event()).isEqualTo(new TicketAcknowledged(ticketId, at, "agent", "agent.kim"));
        assertThat(lifecycle.records(r -> ticketId.equals(r.key()))).hasSize(1);
        asOps().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("acknowledgedAt", equalTo(at.toString()))
                .body("acknowledgedBy", equalTo("agent"))
                .body("assignee", equalTo("agent.kim"))
                .body("timeline", hasSize(2))
                .body("timeline[1].type", equalTo(EventType.TICKET_ACKNOWLEDGED.ceType()))
                .body("timeline[1].time", equalTo(at.toString()))
                .body("timeline[1].topic", equalTo(Topics.TICKETS_LIFECYCLE))
                .body("timeline[1].eventId", equalTo(record.header("ce_id")))
                .body("timeline[1].summary", equalTo("Acknowledged by agent, assigned to agent.kim"));
    }

    @Test
    void aLaterAcknowledgementReassignsWhileTheFirstRemainsTheTakeUpAndARetryPublishesNothing() {
        String ticketId = submit(WEB_KEY, validTicket("BUSINESS"));
        Instant first = now;

        acknowledge(ticketId, null).statusCode(200).body("assignee", nullValue());
        acknowledge(ticketId, null).statusCode(200).body("acknowledgedAt", equalTo(first.toString()));
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        acknowledge(ticketId, "{\"assignee\":\"kim\"}").statusCode(200).body("assignee", equalTo("kim"));
        acknowledge(ticketId, "{\"assignee\":\"kim\"}").statusCode(200);
        acknowledge(ticketId, "{}").statusCode(200).body("assignee", equalTo("kim"));
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        acknowledge(ticketId, "{\"assignee\":\"lee\"}").statusCode(200)
                .body("acknowledgedAt", equalTo(first.toString()))
                .body("acknowledgedBy", equalTo("agent"))
                .body("assignee", equalTo("lee"));

        // Same ticket, same partition: once lee's is read, any event the repeats had caused was read before it.
        await().atMost(WAIT).until(() -> acknowledgements(ticketId).stream().anyMatch(a -> "lee".equals(a.assignee())));
        assertThat(acknowledgements(ticketId)).extracting(TicketAcknowledged::assignee).containsExactly(null, "kim", "lee");
        assertThat(acknowledgements(ticketId)).extracting(TicketAcknowledged::at)
                .containsExactly(first, first.plusSeconds(300), first.plusSeconds(600));
        assertThat(lifecycle.records(r -> ticketId.equals(r.key()))).extracting(r -> r.header("ce_id"))
                .doesNotHaveDuplicates();
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("acknowledgedAt", equalTo(first.toString()))
                .body("assignee", equalTo("lee"))
                .body("timeline", hasSize(4));
    }

    @Test
    void aResolvedTicketCannotBeAcknowledgedAReopenedOneCan() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200);

        acknowledge(ticketId, "{\"assignee\":\"kim\"}").statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));

        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/reopen").then().statusCode(200);
        acknowledge(ticketId, "{\"assignee\":\"kim\"}").statusCode(200).body("assignee", equalTo("kim"));
        lifecycle.awaitRecord(EventType.TICKET_ACKNOWLEDGED, ticketId, WAIT);
        assertThat(acknowledgements(ticketId)).hasSize(1);
    }

    @Test
    void anUnknownTicketIsNotFound() {
        acknowledge(UUID.randomUUID().toString(), "{\"assignee\":\"kim\"}").statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    static Stream<Arguments> badAssignees() {
        return Stream.of(
                Arguments.of("two lines", "{\"assignee\":\"kim\\nlee\"}"),
                Arguments.of("blank", "{\"assignee\":\"   \"}"),
                Arguments.of("too long", "{\"assignee\":\"" + "k".repeat(201) + "\"}"),
                Arguments.of("bidirectional override", "{\"assignee\":\"kim\\u202Eeel\"}"),
                Arguments.of("lone surrogate", "{\"assignee\":\"kim\\uD800\"}"),
                Arguments.of("not text", "{\"assignee\":42}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssignees")
    void aBadAssigneeIsRefusedNamingItAndNothingIsStoredOrPublished(String name, String body) {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));

        acknowledge(ticketId, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("assignee"));

        asAgent().get(TICKETS + "/" + ticketId).then().body("acknowledgedAt", nullValue()).body("timeline", hasSize(1));
        acknowledge(ticketId, "{\"assignee\":\"kim\"}").statusCode(200);
        TicketAcknowledged published = lifecycle.awaitEvent(EventType.TICKET_ACKNOWLEDGED, ticketId, WAIT);
        assertThat(published.assignee()).isEqualTo("kim");
        assertThat(lifecycle.records(r -> ticketId.equals(r.key()))).hasSize(1);
    }

    @Test
    void onlyAgentsMayAcknowledgeAndTheRefusalIsAProblem() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        String path = TICKETS + "/" + ticketId + "/acknowledge";

        asOps().contentType("application/json").post(path).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().contentType("application/json").post(path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Basic realm=\"SupportFlow\""));
        given().auth().preemptive().basic("agent", "wrong").contentType("application/json").post(path).then()
                .statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", WEB_KEY).contentType("application/json").post(path).then().statusCode(401);

        asAgent().get(TICKETS + "/" + ticketId).then().body("acknowledgedAt", nullValue());
        acknowledge(ticketId, null).statusCode(200);
        lifecycle.awaitRecord(EventType.TICKET_ACKNOWLEDGED, ticketId, WAIT);
        assertThat(lifecycle.records(r -> ticketId.equals(r.key()))).hasSize(1);
    }

    private static ValidatableResponse acknowledge(String ticketId, String body) {
        var request = asAgent().contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.post(TICKETS + "/" + ticketId + "/acknowledge").then();
    }

    private List<TicketAcknowledged> acknowledgements(String ticketId) {
        return lifecycle.events(EventType.TICKET_ACKNOWLEDGED, ticketId);
    }
}

package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.events.Workaround;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.testing.TopicWriter.Outgoing;
import jakarta.inject.Inject;

/**
 * The view takes each topic in batches (what one poll returned): one transaction per batch, each event
 * once, a poison record alone to the dead-letter topic. Records sent together land in one record batch
 * of their ticket's partition, so the consumer polls them together.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class TicketViewBatchTest {

    private static final Duration VIEW_LAG = Duration.ofSeconds(20);
    private static final Duration RETRIES_TWICE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @TopicClients.Reads(Topics.SLA_EVENTS + ".dlq")
    private TopicReader deadLetters;
    private TopicWriter writer;

    @Test
    void aBatchWithADuplicateAndAPoisonRecordDeadLettersThePoisonAndAppliesTheRestOnceInOneTransaction()
            throws SQLException {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope warning = sla(at.plusSeconds(1), new SlaWarning(ticketId, Plan.PRO, Priority.P2,
                Duration.ofHours(4), at, at.plus(Duration.ofHours(4)), at.plusSeconds(1)));
        EventEnvelope met = sla(at.plusSeconds(2), new SlaMet(ticketId, Plan.PRO, Priority.P2, Duration.ofHours(4),
                at, at.plus(Duration.ofHours(4)), at.plusSeconds(2)));

        writer.sendTogether(List.of(Outgoing.of(warning), Outgoing.of(warning), poison(ticketId), Outgoing.of(met)));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("timeline", hasSize(3)).body("sla.state", equalTo("MET")));
        List<String> ids = asAgent().get(TICKETS + "/" + ticketId).then().extract().path("timeline.eventId");
        assertThat(ids).containsOnlyOnce(warning.id(), met.id());
        ReceivedRecord dead = await().atMost(VIEW_LAG)
                .until(() -> deadLetters.records(r -> ticketId.equals(r.key())), records -> !records.isEmpty()).get(0);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(dead.header("dead-letter-reason")).isNotBlank();
        assertThat(transactionsThatRecorded(warning.id(), met.id())).isEqualTo(1);
    }

    @Test
    void aRecordTheViewCannotStoreGoesAloneToTheDeadLetterTopicAfterItsRetriesAndTheRestIsApplied() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope warning = sla(at.plusSeconds(1), new SlaWarning(ticketId, Plan.PRO, Priority.P2,
                Duration.ofHours(4), at, at.plus(Duration.ofHours(4)), at.plusSeconds(1)));
        // Readable, but its source does not fit timeline_entry.source: the batch's transaction fails every time.
        EventEnvelope refused = EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/" + "x".repeat(200),
                at.plusSeconds(2), new SlaMet(ticketId, Plan.PRO, Priority.P2, Duration.ofHours(4), at,
                        at.plus(Duration.ofHours(4)), at.plusSeconds(2)));
        EventEnvelope retracted = sla(at.plusSeconds(3), new SlaBreachRetracted(ticketId, Plan.PRO, Priority.P2,
                Duration.ofHours(4), at, at.plus(Duration.ofHours(4)), at.plusSeconds(3)));

        writer.sendTogether(List.of(Outgoing.of(warning), Outgoing.of(refused), Outgoing.of(retracted)));

        // The batch, then the refused record alone, each use up the retry budget first.
        ReceivedRecord dead = await().atMost(RETRIES_TWICE)
                .until(() -> deadLetters.records(r -> ticketId.equals(r.key())), records -> !records.isEmpty()).get(0);
        assertThat(dead.header("ce_id")).isEqualTo(refused.id());
        assertThat(dead.header("dead-letter-reason")).contains("value too long");
        List<String> ids = asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("sla.state", equalTo("MET")).extract().path("timeline.eventId");
        assertThat(ids).hasSize(3).contains(warning.id(), retracted.id()).doesNotContain(refused.id());

        // A rebuild passes the refused record by, as the live consumer did, and restores the same timeline.
        asOps().post("/api/v1/admin/ticket-view/rebuild").then().statusCode(200)
                .body("refused", greaterThanOrEqualTo(1));
        asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("timeline.eventId", containsInAnyOrder(ids.toArray()));
    }

    @Test
    void aRedeliveredBatchAppliesOnlyTheEventsNotSeenBefore() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope warning = sla(at.plusSeconds(1), new SlaWarning(ticketId, Plan.PRO, Priority.P2,
                Duration.ofHours(4), at, at.plus(Duration.ofHours(4)), at.plusSeconds(1)));
        writer.sendTogether(List.of(Outgoing.of(warning)));
        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("timeline", hasSize(2)));

        EventEnvelope met = sla(at.plusSeconds(2), new SlaMet(ticketId, Plan.PRO, Priority.P2, Duration.ofHours(4),
                at, at.plus(Duration.ofHours(4)), at.plusSeconds(2)));
        writer.sendTogether(List.of(Outgoing.of(warning), Outgoing.of(met)));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("timeline", hasSize(3)).body("sla.state", equalTo("MET")));
        List<String> ids = asAgent().get(TICKETS + "/" + ticketId).then().extract().path("timeline.eventId");
        assertThat(ids).containsOnlyOnce(warning.id(), met.id());
    }

    @Test
    void aTicketsEventsInOneBatchAreAppliedInRecordOrder() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String reopenedLast = submit(WEB_KEY, validTicket("PRO"));
        String resolvedLast = submit(WEB_KEY, validTicket("PRO"));
        // Lifecycle events at the same instant: the view keeps the later record's status.
        writer.sendTogether(List.of(
                Outgoing.of(publish("intake-service", at, new TicketResolved(reopenedLast, at, "agent", null))),
                Outgoing.of(publish("intake-service", at, new TicketReopened(reopenedLast, at, "agent", null)))));
        writer.sendTogether(List.of(
                Outgoing.of(publish("intake-service", at, new TicketReopened(resolvedLast, at, "agent", null))),
                Outgoing.of(publish("intake-service", at, new TicketResolved(resolvedLast, at, "agent", null)))));

        await().atMost(VIEW_LAG).untilAsserted(() -> {
            asAgent().get(TICKETS + "/" + reopenedLast).then().body("timeline", hasSize(3))
                    .body("status", equalTo("OPEN"));
            asAgent().get(TICKETS + "/" + resolvedLast).then().body("timeline", hasSize(3))
                    .body("status", equalTo("RESOLVED"));
        });
    }

    @Test
    void eventsOfOneTicketBatchedInReverseOrderGiveTheSameViewAsInOrder() {
        String ticketId = UUID.randomUUID().toString();
        Instant received = Instant.parse("2026-03-02T09:00:00Z");
        writer.sendTogether(Stream.of(
                        publish("intake-service", received.plusSeconds(3600),
                                new TicketResolved(ticketId, received.plusSeconds(3600), "agent", null)),
                        publish("intake-service", received.plusSeconds(1800),
                                new TicketReopened(ticketId, received.plusSeconds(1800), "agent", null)),
                        publish("intake-service", received.plusSeconds(900),
                                new TicketResolved(ticketId, received.plusSeconds(900), "agent", null)))
                .map(Outgoing::of).toList());
        writer.sendTogether(Stream.of(
                        publish("triage-service", received.plusSeconds(300), new PriorityAssigned(ticketId,
                                Priority.P1, Priority.P3, PrioritySource.AGENT, "agent", "customer is down", "agent",
                                received.plusSeconds(300))),
                        publish("triage-service", received.plusSeconds(2), new PriorityAssigned(ticketId, Priority.P3,
                                null, PrioritySource.RULES, "feature-problem", "general problem", null,
                                received.plusSeconds(2))),
                        publish("triage-service", received.plusSeconds(1), new TriageReviewRequested(ticketId,
                                Priority.P2, "unsure", received.plusSeconds(1))))
                .map(Outgoing::of).toList());
        writer.sendTogether(Stream.of(
                        sla(received.plusSeconds(600), new SlaMet(ticketId, Plan.API, Priority.P1, Duration.ofHours(1),
                                received, received.plusSeconds(3600), received.plusSeconds(600))),
                        sla(received.plusSeconds(400), new SlaWarning(ticketId, Plan.API, Priority.P1,
                                Duration.ofHours(1), received, received.plusSeconds(3600), received.plusSeconds(400))))
                .map(Outgoing::of).toList());
        writer.publish(publish("intake-service", received, new TicketReceived(ticketId, TicketReference.of(ticketId),
                Channel.CHAT, "chat-9", Plan.API, new Customer("API-1", "Bo", "bo@example.com", "en"), "Down",
                "All calls fail", null, Impact.SERVICE_DOWN, Workaround.NONE, received)));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("timeline", hasSize(9)));
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("status", equalTo("RESOLVED"))
                .body("priority", equalTo("P1"))
                .body("priorityProvisional", equalTo(false))
                .body("sla.state", equalTo("MET"))
                .body("receivedAt", equalTo(received.toString()))
                .body("lastEventAt", equalTo(received.plusSeconds(3600).toString()))
                .body("timeline.time", contains(Stream.of(0, 1, 2, 300, 400, 600, 900, 1800, 3600)
                        .map(seconds -> received.plusSeconds(seconds).toString()).toArray()));
    }

    private static EventEnvelope sla(Instant time, SupportEvent event) {
        return publish("sla-service", time, event);
    }

    private static EventEnvelope publish(String service, Instant time, SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/" + service, time, event);
    }

    private static Outgoing poison(String ticketId) {
        return new Outgoing(Topics.SLA_EVENTS, ticketId, "{not json", Map.of(
                "ce_id", "poison-" + ticketId, "ce_type", EventType.SLA_MET.ceType(),
                "ce_time", Instant.now().toString(), "ce_source", "/supportflow/broken"));
    }

    /** Rows written by one transaction share its start time (now()); different transactions do not. */
    private long transactionsThatRecorded(String... eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT count(DISTINCT processed_at) FROM processed_event
                     WHERE consumer = ? AND event_id = ANY (?)""")) {
            Array ids = connection.createArrayOf("varchar", eventIds);
            select.setString(1, "intake-service/ticket-view");
            select.setArray(2, ids);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

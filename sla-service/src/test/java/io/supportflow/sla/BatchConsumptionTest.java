package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaMet;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicWriter.Outgoing;

/**
 * Events published together reach the consumers in one poll each, and a poll is applied as one batch:
 * several events of one ticket, a batch delivered again, and hundreds of tickets at once.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class BatchConsumptionTest extends SlaTestBase {

    private static final int MANY = 300;

    StoredOutcomes stored;

    @BeforeEach
    void readStoredOutcomes() {
        stored = new StoredOutcomes(dataSource);
    }

    @Test
    void severalEventsOfOneTicketInOnePollAreWeighedTogether() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofMinutes(41)));
        publishAndAwait(ticket.received(Plan.PRO, start));

        // Each topic has its own consumer: the decisions come in one poll, the two copies of the message in
        // another, after them, as notification sends it only once a priority was assigned.
        List<EventEnvelope> decisions = List.of(ticket.reviewRequested(Priority.P1, start.plusSeconds(1)),
                ticket.assigned(Priority.P2, start.plusSeconds(5)), ticket.assigned(Priority.P4, start.plusSeconds(3)));
        sendTogether(decisions);
        awaitProcessed(decisions);
        List<EventEnvelope> copies = List.of(ticket.logged(start.plus(Duration.ofMinutes(35))),
                ticket.logged(start.plus(Duration.ofMinutes(40))));
        sendTogether(copies);

        SlaMet met = sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
        assertThat(met.priority()).isEqualTo(Priority.P2);
        assertThat(met.at()).isEqualTo(start.plus(Duration.ofMinutes(35)));
        awaitProcessed(copies);
        assertThat(stored.responseEventTypes(ticket)).containsExactly(EventType.SLA_MET.ceType());
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        setClock(start.plus(Duration.ofHours(2)));
        List<Tickets> tickets = new ArrayList<>();
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Tickets ticket = Tickets.newTicket();
            tickets.add(ticket);
            batch.addAll(List.of(ticket.received(Plan.FREE, start), ticket.assigned(Priority.P2, start.plusSeconds(5)),
                    ticket.logged(start.plus(Duration.ofHours(1)))));
        }
        sendTogether(batch);
        tickets.forEach(ticket -> sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON));
        Map<Tickets, StoredOutcomes.Outcome> before = outcomes(tickets);

        sendTogether(batch);
        // Behind the batch on each ticket's partitions: once these are applied, so is the batch again.
        List<EventEnvelope> behind = new ArrayList<>();
        for (Tickets ticket : tickets) {
            behind.addAll(List.of(ticket.received(Plan.FREE, start), ticket.assigned(Priority.P2, start.plusSeconds(5)),
                    ticket.notified(NotificationKind.SURVEY, start.plus(Duration.ofHours(2)))));
        }
        sendTogether(behind);
        awaitProcessed(behind);

        assertThat(outcomes(tickets)).isEqualTo(before);
        tickets.forEach(ticket -> assertThat(stored.responseEventTypes(ticket)).containsExactly(EventType.SLA_MET.ceType()));
    }

    @Test
    void hundredsOfTicketsPublishedAtOnceAreAllAppliedWithoutABatchFailing() {
        setClock(start.plus(Duration.ofMinutes(70)));
        List<Tickets> inTime = new ArrayList<>();
        List<Tickets> late = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < MANY; i++) {
                Tickets ticket = Tickets.newTicket();
                (i % 2 == 0 ? inTime : late).add(ticket);
                Duration response = Duration.ofMinutes(i % 2 == 0 ? 30 : 65);
                events.addAll(List.of(ticket.received(Plan.ENTERPRISE, start),
                        ticket.assigned(Priority.P1, start.plusSeconds(5)), ticket.logged(start.plus(response))));
            }
            sendTogether(events);

            Awaitility.await("a verdict for every ticket").atMost(Duration.ofSeconds(60))
                    .until(() -> keysOf(EventType.SLA_MET).containsAll(ids(inTime))
                            && keysOf(EventType.SLA_BREACHED).containsAll(ids(late)));
            awaitProcessed(events);
            assertThat(log.lines()).noneMatch(line -> line.contains(EventBatches.class.getName())
                    || line.contains(BackgroundLoop.class.getName()));
        }
        inTime.forEach(ticket -> assertThat(stored.clock(ticket)).containsEntry("met_published", "true"));
        late.forEach(ticket -> assertThat(stored.clock(ticket))
                .doesNotContainEntry("breached_at", "null")
                .containsEntry("breach_retracted", "false").containsEntry("met_published", "false"));
        assertThat(keysOf(EventType.SLA_MET)).doesNotContainAnyElementsOf(ids(late));
    }

    private void sendTogether(List<EventEnvelope> events) {
        writer.sendTogether(events.stream().map(Outgoing::of).toList());
    }

    private Map<Tickets, StoredOutcomes.Outcome> outcomes(List<Tickets> tickets) {
        Map<Tickets, StoredOutcomes.Outcome> outcomes = new LinkedHashMap<>();
        tickets.forEach(ticket -> outcomes.put(ticket, stored.of(ticket)));
        return outcomes;
    }

    private Set<String> keysOf(EventType type) {
        return sla.records(r -> type.ceType().equals(r.header("ce_type"))).stream()
                .map(ReceivedRecord::key).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<Tickets> tickets) {
        return tickets.stream().map(Tickets::ticketId).collect(Collectors.toSet());
    }
}

package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * A batch applies many tickets' events in one transaction, in memory between one load and one commit:
 * whatever the order of a ticket's events within it, it must end exactly as the same events applied one
 * transaction each, and so, in its standing, whatever the order.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ClockBatchTest extends SlaTestBase {

    @Inject
    EventBatches batches;

    @Inject
    ClockEventHandler clocks;

    StoredOutcomes stored;

    @BeforeEach
    void readStoredOutcomes() {
        stored = new StoredOutcomes(dataSource);
    }

    @Test
    void everyOrderOfATicketsEventsInOneBatchEndsAsTheSameEventsOneTransactionEach() {
        setClock(start.plus(Duration.ofHours(2)));
        Map<Tickets, List<EventEnvelope>> batched = new LinkedHashMap<>();
        Map<Tickets, Tickets> oneByOneTwin = new LinkedHashMap<>();
        for (List<Integer> order : orders(4)) {
            Tickets ticket = Tickets.newTicket();
            Tickets twin = Tickets.newTicket();
            batched.put(ticket, inOrder(eventsOf(ticket), order));
            oneByOneTwin.put(ticket, twin);
            inOrder(eventsOf(twin), order).forEach(event -> applyInOneBatch(List.of(event)));
        }

        applyInOneBatch(batched.values().stream().flatMap(List::stream).toList());

        for (Tickets ticket : batched.keySet()) {
            StoredOutcomes.Outcome outcome = stored.of(ticket);
            assertThat(outcome).as("ticket applied in %s", batched.get(ticket))
                    .isEqualTo(stored.of(oneByOneTwin.get(ticket)));
            assertThat(stored.responseEventTypes(ticket)).last().isEqualTo(EventType.SLA_MET.ceType());
            assertThat(stored.clock(ticket)).containsEntry("priority", "P2").containsEntry("met_published", "true");
        }
    }

    @Test
    void aBatchWeighsItsDecisionsWithThoseAlreadyStored() {
        setClock(start.plus(Duration.ofMinutes(50)));
        Tickets ticket = Tickets.newTicket();
        applyInOneBatch(List.of(ticket.received(Plan.BUSINESS, start),
                ticket.assigned(Priority.P1, start.plusSeconds(10))));

        // Assigned earlier in event time than the stored P1, so P1 stays in force: the response is late.
        applyInOneBatch(List.of(ticket.assigned(Priority.P3, start.plusSeconds(1)),
                ticket.reviewRequested(Priority.P4, start.plusSeconds(2)),
                ticket.logged(start.plus(Duration.ofMinutes(70))), ticket.logged(start.plus(Duration.ofMinutes(65)))));

        assertThat(stored.responseEventTypes(ticket))
                .containsExactly(EventType.SLA_WARNING.ceType(), EventType.SLA_BREACHED.ceType());
        assertThat(stored.clock(ticket)).containsEntry("priority", "P1").containsEntry("target_seconds", "3600");
    }

    /** PRO: the provisional P1 is breached by the response at 90 minutes, the assigned P2 is not. */
    private List<EventEnvelope> eventsOf(Tickets ticket) {
        return List.of(ticket.received(Plan.PRO, start), ticket.reviewRequested(Priority.P1, start.plusSeconds(1)),
                ticket.assigned(Priority.P2, start.plusSeconds(5)), ticket.logged(start.plus(Duration.ofMinutes(90))));
    }

    private void applyInOneBatch(List<EventEnvelope> events) {
        ClockBatches.applyInOneBatch(batches, clocks, events);
    }

    private static List<EventEnvelope> inOrder(List<EventEnvelope> events, List<Integer> order) {
        return order.stream().map(events::get).toList();
    }

    /** Every order of {@code n} items, as lists of their indexes. */
    private static List<List<Integer>> orders(int n) {
        if (n == 0) {
            return List.of(List.of());
        }
        List<List<Integer>> orders = new ArrayList<>();
        for (List<Integer> shorter : orders(n - 1)) {
            for (int at = 0; at <= shorter.size(); at++) {
                List<Integer> order = new ArrayList<>(shorter);
                order.add(at, n - 1);
                orders.add(order);
            }
        }
        return orders;
    }
}

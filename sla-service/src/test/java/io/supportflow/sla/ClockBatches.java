package io.supportflow.sla;

import java.util.Comparator;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.sla.domain.PriorityDecision;
import io.supportflow.sla.service.ClockBatch;
import io.supportflow.sla.service.SlaClocks;

/**
 * Applies events of any topic to one {@link ClockBatch}, as the clock consumers would if one poll could
 * carry them all: no Kafka channel delivers a ticket's receipt, decisions and notification together.
 */
final class ClockBatches {

    private ClockBatches() {
    }

    /** Applies the events in one transaction, ordered by ticket (stably), as a consumer applies a poll. */
    static void applyInOneBatch(SlaClocks clocks, List<EventEnvelope> events) {
        List<EventEnvelope> byTicket = events.stream().sorted(Comparator.comparing(EventEnvelope::key)).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            ClockBatch batch = clocks.forTickets(byTicket.stream().map(EventEnvelope::key).toList());
            byTicket.forEach(event -> apply(batch, event));
        });
    }

    private static void apply(ClockBatch batch, EventEnvelope envelope) {
        if (envelope.event() instanceof TicketReceived received) {
            batch.ticketReceived(received);
        } else if (envelope.event() instanceof PriorityAssigned assigned) {
            batch.priorityDecided(envelope.id(), PriorityDecision.of(assigned));
        } else if (envelope.event() instanceof TriageReviewRequested review) {
            batch.priorityDecided(envelope.id(), PriorityDecision.of(review));
        } else if (envelope.event() instanceof CustomerNotified notified) {
            batch.ticketLogged(notified.ticketId(), notified.sentAt());
        }
    }
}

package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Priority;
import io.supportflow.events.TicketReceived;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.domain.PriorityDecision;
import io.supportflow.sla.domain.PriorityHistory;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * The clocks of one batch's tickets, locked for its transaction, with their priority decisions, as
 * {@link SlaClocks#forTickets} loaded them. Each event stores the fact it brings, then lets the clock
 * decide what is owed, so the outcome does not depend on arrival order. Events are applied in memory,
 * each exactly as it would be on its own: nothing is read from the database between them, and the
 * commit writes the clocks and decisions that changed in a few JDBC batches.
 */
public final class ClockBatch {

    private final ClockVerdicts verdicts;
    private final Priority defaultPriority;
    private final Clock clock;
    private final Map<String, SlaClockEntity> clocks;
    private final Map<String, List<PriorityChange>> decisions;

    ClockBatch(ClockVerdicts verdicts, Priority defaultPriority, Clock clock, Map<String, SlaClockEntity> clocks,
               Map<String, List<PriorityChange>> decisions) {
        this.verdicts = verdicts;
        this.defaultPriority = defaultPriority;
        this.clock = clock;
        this.clocks = clocks;
        this.decisions = decisions;
    }

    public void ticketReceived(TicketReceived ticket) {
        SlaClockEntity sla = clockOf(ticket.ticketId());
        sla.reference = ticket.reference();
        sla.plan = ticket.plan();
        sla.receivedAt = ticket.clockStartsAt();
        verdicts.apply(sla, clock.instant());
    }

    public void priorityDecided(String eventId, PriorityDecision decision) {
        SlaClockEntity sla = clockOf(decision.ticketId());
        PriorityChangeEntity.record(eventId, decision);
        decisions.get(decision.ticketId()).add(decision.change());
        settlePriority(sla);
        verdicts.apply(sla, clock.instant());
    }

    /** The customer was sent the "ticket logged" message at {@code sentAt}. */
    public void ticketLogged(String ticketId, Instant sentAt) {
        SlaClockEntity sla = clockOf(ticketId);
        // The first message in event time stops the clock, whichever copy was consumed first.
        if (sla.loggedAt == null || sentAt.isBefore(sla.loggedAt)) {
            sla.loggedAt = sentAt;
            settlePriority(sla);
        }
        verdicts.apply(sla, clock.instant());
    }

    private void settlePriority(SlaClockEntity sla) {
        var inForce = PriorityHistory.inForce(decisions.get(sla.ticketId), sla.loggedAt);
        sla.priority = inForce.orElse(defaultPriority);
        sla.priorityKnown = inForce.isPresent();
        sla.provisionalSince = PriorityHistory.provisionalSince(decisions.get(sla.ticketId), sla.loggedAt).orElse(null);
    }

    private SlaClockEntity clockOf(String ticketId) {
        SlaClockEntity sla = clocks.get(ticketId);
        if (sla == null) {
            throw new IllegalArgumentException("Ticket " + ticketId + " is not one of this batch's tickets");
        }
        return sla;
    }
}

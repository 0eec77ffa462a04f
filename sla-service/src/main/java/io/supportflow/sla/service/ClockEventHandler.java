package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.domain.PriorityDecision;
import io.supportflow.sla.domain.PriorityHistory;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies what tickets.received, tickets.priority, tickets.notifications and tickets.lifecycle say to the tickets'
 * clocks: each event stores the fact it brings, then the clocks decide what is owed, so the outcome does not depend
 * on the order the events arrive in.
 */
@ApplicationScoped
public class ClockEventHandler implements BatchHandler<TicketClock> {

    private final ClockVerdicts verdicts;
    private final SlaPolicies policies;
    private final Priority defaultPriority;
    private final Clock clock;

    ClockEventHandler(ClockVerdicts verdicts, SlaPolicies policies, SlaConfig config, Clock clock) {
        this.verdicts = verdicts;
        this.policies = policies;
        this.defaultPriority = config.defaultPriority();
        this.clock = clock;
    }

    @Override
    public Map<String, TicketClock> stateOf(SortedSet<String> ticketIds) {
        // The policy first, before any clock is locked: a change waits for this batch, or this batch for the change.
        policies.current();
        Map<String, SlaClockEntity> clocks = SlaClockEntity.ROWS.lockOrCreate(SlaClockEntity.getEntityManager(),
                ticketIds);
        // Read under the locks: a decision committed by another batch of these tickets is then seen.
        Map<String, List<PriorityChange>> decisions = PriorityChangeEntity.ofTickets(ticketIds);
        Map<String, TicketClock> tickets = new HashMap<>();
        clocks.forEach((ticketId, sla) -> tickets.put(ticketId, new TicketClock(sla, decisions.get(ticketId))));
        return tickets;
    }

    /** Other messages and failed notifications change nothing: the clock runs on, and no clock is opened for them. */
    @Override
    public boolean concerns(EventEnvelope envelope) {
        SupportEvent event = envelope.event();
        return event instanceof TicketReceived || event instanceof PriorityAssigned
                || event instanceof TriageReviewRequested || event instanceof TicketAcknowledged
                || event instanceof TicketResolved
                || event instanceof CustomerNotified notified && notified.kind() == NotificationKind.TICKET_LOGGED;
    }

    @Override
    public List<Publication> apply(EventEnvelope envelope, TicketClock ticket) {
        SupportEvent event = envelope.event();
        if (event instanceof TicketReceived received) {
            ticketReceived(ticket, received);
        } else if (event instanceof PriorityAssigned assigned) {
            priorityDecided(ticket, envelope.id(), PriorityDecision.of(assigned));
        } else if (event instanceof TriageReviewRequested review) {
            priorityDecided(ticket, envelope.id(), PriorityDecision.of(review));
        } else if (event instanceof TicketAcknowledged acknowledged) {
            takenUp(ticket, acknowledged.at());
        } else if (event instanceof TicketResolved resolved) {
            takenUp(ticket, resolved.at());
        } else {
            ticketLogged(ticket, ((CustomerNotified) event).sentAt());
        }
        return verdicts.apply(ticket.clock(), clock.instant());
    }

    private static void ticketReceived(TicketClock ticket, TicketReceived received) {
        SlaClockEntity sla = ticket.clock();
        sla.reference = received.reference();
        sla.plan = received.plan();
        sla.receivedAt = received.clockStartsAt();
    }

    private void priorityDecided(TicketClock ticket, String eventId, PriorityDecision decision) {
        PriorityChangeEntity.record(eventId, decision);
        ticket.decisions().add(decision.change());
        settlePriority(ticket);
    }

    private void ticketLogged(TicketClock ticket, Instant sentAt) {
        SlaClockEntity sla = ticket.clock();
        // The first message in event time stops the clock, whichever copy was consumed first.
        if (sla.loggedAt == null || sentAt.isBefore(sla.loggedAt)) {
            sla.loggedAt = sentAt;
            settlePriority(ticket);
        }
    }

    /** The first take-up in event time stops the handling clock, whichever was consumed first. */
    private void takenUp(TicketClock ticket, Instant at) {
        SlaClockEntity sla = ticket.clock();
        if (sla.takenUpAt == null || at.isBefore(sla.takenUpAt)) {
            sla.takenUpAt = at;
            settlePriority(ticket);
        }
    }

    private void settlePriority(TicketClock ticket) {
        SlaClockEntity sla = ticket.clock();
        // A take-up consumed before any decision leaves the ticket's own priority to decide its plan.
        sla.handlingPriority = PriorityHistory.inForce(ticket.decisions(), sla.takenUpAt)
                .or(() -> PriorityHistory.inForce(ticket.decisions(), null)).orElse(null);
        var inForce = PriorityHistory.inForce(ticket.decisions(), sla.loggedAt);
        sla.priority = inForce.orElse(defaultPriority);
        sla.priorityKnown = inForce.isPresent();
        sla.provisionalSince = PriorityHistory.provisionalSince(ticket.decisions(), sla.loggedAt).orElse(null);
    }
}

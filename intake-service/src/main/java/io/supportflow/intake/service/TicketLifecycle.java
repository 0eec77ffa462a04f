package io.supportflow.intake.service;

import java.time.Clock;
import java.time.Instant;

import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.intake.repository.TicketEntity;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Agents acknowledge, resolve and reopen tickets; each transition is one event, written with the
 * ticket's change and shown in the ticket view in the same transaction.
 */
@ApplicationScoped
public class TicketLifecycle {

    private final Outbox outbox;
    private final TicketViewUpdates view;
    private final Clock clock;

    TicketLifecycle(Outbox outbox, TicketViewUpdates view, Clock clock) {
        this.outbox = outbox;
        this.view = view;
        this.clock = clock;
    }

    @Transactional
    public TicketEntity resolve(String ticketId, String agent, String note) {
        TicketEntity ticket = lockedTicket(ticketId);
        if (ticket.status == TicketStatus.RESOLVED) {
            throw new LifecycleConflictException("Ticket " + ticket.reference + " is already resolved");
        }
        Instant at = clock.instant();
        return transition(ticket, TicketStatus.RESOLVED, "ticket-resolved", at, new TicketResolved(ticketId, at, agent, note));
    }

    @Transactional
    public TicketEntity reopen(String ticketId, String agent, String note) {
        TicketEntity ticket = lockedTicket(ticketId);
        if (ticket.status == TicketStatus.OPEN) {
            throw new LifecycleConflictException("Ticket " + ticket.reference + " is open");
        }
        Instant at = clock.instant();
        return transition(ticket, TicketStatus.OPEN, "ticket-reopened", at, new TicketReopened(ticketId, at, agent, note));
    }

    /**
     * The agent takes the ticket up, naming an assignee or not. Only the first acknowledgement is the take-up
     * (the handling clock stops there); a later one re-assigns. One that would change nothing (already taken
     * up, and no assignee or the current one named) publishes nothing: that is what a retried request looks
     * like, and the lifecycle endpoints take no idempotency key.
     */
    @Transactional
    public TicketEntity acknowledge(String ticketId, String agent, String assignee) {
        TicketEntity ticket = lockedTicket(ticketId);
        if (ticket.status == TicketStatus.RESOLVED) {
            throw new LifecycleConflictException("Ticket " + ticket.reference + " is resolved");
        }
        if (ticket.acknowledgedAt != null && (assignee == null || assignee.equals(ticket.assignee))) {
            return ticket;
        }
        Instant at = clock.instant();
        if (ticket.acknowledgedAt == null) {
            ticket.acknowledgedAt = at;
            ticket.acknowledgedBy = agent;
        }
        if (assignee != null) {
            ticket.assignee = assignee;
        }
        return transition(ticket, ticket.status, "ticket-acknowledged", at,
                new TicketAcknowledged(ticketId, at, agent, assignee));
    }

    private TicketEntity transition(TicketEntity ticket, TicketStatus status, String role, Instant at, SupportEvent event) {
        ticket.status = status;
        ticket.lifecycleVersion++;
        // The n-th transition of a ticket is its cause, so a replayed command cannot publish twice.
        view.record(outbox.add(ticket.id + "/lifecycle/" + ticket.lifecycleVersion, role, at, event));
        return ticket;
    }

    private static TicketEntity lockedTicket(String ticketId) {
        TicketEntity ticket = TicketEntity.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw new TicketNotFoundException(ticketId);
        }
        return ticket;
    }
}

package io.supportflow.triage.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.triage.repository.TriagedTicketEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Agents decide tickets waiting in review and re-prioritise tickets already triaged. */
@ApplicationScoped
public class AgentPriorities {

    static final String AGENT_RULE = "agent";

    private final Outbox outbox;
    private final Clock clock;

    AgentPriorities(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public TriagedTicketEntity assign(String ticketId, Priority priority, String reason, String agentId) {
        TriagedTicketEntity ticket = TriagedTicketEntity.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw new TicketNotTriagedException(ticketId);
        }
        if (repeats(ticket, priority, reason, agentId)) {
            return ticket;
        }
        Priority previous = ticket.priority;
        Instant at = clock.instant();
        ticket.priority = priority;
        ticket.source = PrioritySource.AGENT;
        ticket.rule = AGENT_RULE;
        ticket.reason = reason;
        ticket.agentId = agentId;
        ticket.decidedAt = at;
        ticket.inReview = false;
        ticket.decisionCount++;
        // The n-th decision on a ticket is the cause, so each decision has its own stable event id.
        outbox.add(ticketId + "/decision/" + ticket.decisionCount, TicketTriage.PRIORITY_ASSIGNED, at,
                new PriorityAssigned(ticketId, priority, previous, PrioritySource.AGENT, AGENT_RULE, reason, agentId, at));
        return ticket;
    }

    /** A retried PUT with the same decision is answered, not published again. */
    private static boolean repeats(TriagedTicketEntity ticket, Priority priority, String reason, String agentId) {
        return !ticket.inReview && ticket.source == PrioritySource.AGENT && ticket.priority == priority
                && Objects.equals(ticket.reason, reason) && Objects.equals(ticket.agentId, agentId);
    }
}

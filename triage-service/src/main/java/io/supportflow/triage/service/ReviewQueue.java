package io.supportflow.triage.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.supportflow.events.Priority;
import io.supportflow.triage.domain.ResponseTargets;
import io.supportflow.triage.repository.TriagedTicketEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** The tickets waiting for an agent's decision, oldest first, with the time left on their response target. */
@ApplicationScoped
public class ReviewQueue {

    private final ResponseTargets targets;
    private final Clock clock;

    ReviewQueue(ResponseTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    public List<WaitingTicket> waiting() {
        Instant now = clock.instant();
        return TriagedTicketEntity.reviewQueue().stream().map(ticket -> waiting(ticket, now)).toList();
    }

    private WaitingTicket waiting(TriagedTicketEntity ticket, Instant now) {
        Priority clockRunsOn = ticket.clockPriority != null ? ticket.clockPriority : ticket.priority;
        Duration target = targets.target(ticket.plan, clockRunsOn);
        Instant dueAt = ticket.receivedAt.plus(target);
        return new WaitingTicket(ticket, target, dueAt, Duration.between(now, dueAt));
    }

    /** {@code timeLeft} is negative once the target has passed. */
    public record WaitingTicket(TriagedTicketEntity ticket, Duration target, Instant dueAt, Duration timeLeft) {
    }
}

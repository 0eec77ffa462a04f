package io.supportflow.triage.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.triage.repository.TriagedTicketEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tickets waiting for an agent's decision, oldest first, with the time left on their response target: the
 * SLA policy's, as read from {@code sla.policies}.
 */
@ApplicationScoped
public class ReviewQueue {

    private final CurrentSlaPolicy policy;
    private final Clock clock;

    ReviewQueue(CurrentSlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public List<WaitingTicket> waiting() {
        Instant now = clock.instant();
        // Taken once, so that every ticket of one answer counts down against the same version.
        Optional<SlaPolicyChanged> inForce = policy.get();
        return TriagedTicketEntity.reviewQueue().stream()
                .map(ticket -> new WaitingTicket(ticket, inForce.map(p -> countdown(ticket, p, now)).orElse(null)))
                .toList();
    }

    private static Countdown countdown(TriagedTicketEntity ticket, SlaPolicyChanged policy, Instant now) {
        Priority clockRunsOn = ticket.clockPriority != null ? ticket.clockPriority : ticket.priority;
        Duration target = policy.responseTarget(ticket.plan, clockRunsOn);
        Instant dueAt = ticket.receivedAt.plus(target);
        return new Countdown(target, dueAt, Duration.between(now, dueAt));
    }

    /**
     * @param countdown null while no SLA policy has been read: agents still see what waits, in order, but no
     *                  target is made up
     */
    public record WaitingTicket(TriagedTicketEntity ticket, Countdown countdown) {
    }

    /** {@code timeLeft} is negative once the target has passed. */
    public record Countdown(Duration target, Instant dueAt, Duration timeLeft) {
    }
}

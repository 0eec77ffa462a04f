package io.supportflow.triage.rest;

import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.triage.service.ReviewQueue.WaitingTicket;

/**
 * A ticket waiting for review. Durations are ISO-8601 ({@code PT3H20M}); {@code timeLeft} is
 * negative once {@code dueAt} has passed, {@code secondsLeft} the same in seconds.
 */
public record QueueEntry(String ticketId, String reference, Plan plan, String subject, Priority provisionalPriority,
                         String reason, Instant receivedAt, Instant reviewRequestedAt, String target, Instant dueAt,
                         String timeLeft, long secondsLeft, boolean overdue) {

    static QueueEntry of(WaitingTicket waiting) {
        var t = waiting.ticket();
        return new QueueEntry(t.ticketId, t.reference, t.plan, t.subject, t.priority, t.reason, t.receivedAt,
                t.reviewRequestedAt, waiting.target().toString(), waiting.dueAt(), waiting.timeLeft().toString(),
                waiting.timeLeft().toSeconds(), waiting.timeLeft().isNegative());
    }
}

package io.supportflow.triage.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.triage.service.ReviewQueue.Countdown;
import io.supportflow.triage.service.ReviewQueue.WaitingTicket;

/**
 * A ticket waiting for review. Durations are ISO-8601 ({@code PT3H20M}); {@code timeLeft} is
 * negative once {@code dueAt} has passed, {@code secondsLeft} the same in seconds.
 *
 * <p>{@code target}, {@code dueAt}, {@code timeLeft}, {@code secondsLeft} and {@code overdue} come from the SLA
 * policy triage reads from {@code sla.policies}; they are null while this instance has read none yet (sla-service
 * publishes the first version at its first start).
 */
public record QueueEntry(String ticketId, String reference, Plan plan, String subject, Priority provisionalPriority,
                         String reason, Instant receivedAt, Instant reviewRequestedAt,
                         @Schema(nullable = true, description = UNTIL_POLICY_READ) String target,
                         @Schema(nullable = true, description = UNTIL_POLICY_READ) Instant dueAt,
                         @Schema(nullable = true, description = UNTIL_POLICY_READ) String timeLeft,
                         @Schema(nullable = true, description = UNTIL_POLICY_READ) Long secondsLeft,
                         @Schema(nullable = true, description = UNTIL_POLICY_READ) Boolean overdue) {

    static final String UNTIL_POLICY_READ = "From the SLA policy's response target; null until triage has read a "
            + "policy from sla.policies";

    static QueueEntry of(WaitingTicket waiting) {
        var t = waiting.ticket();
        Countdown countdown = waiting.countdown();
        if (countdown == null) {
            return new QueueEntry(t.ticketId, t.reference, t.plan, t.subject, t.priority, t.reason, t.receivedAt,
                    t.reviewRequestedAt, null, null, null, null, null);
        }
        return new QueueEntry(t.ticketId, t.reference, t.plan, t.subject, t.priority, t.reason, t.receivedAt,
                t.reviewRequestedAt, countdown.target().toString(), countdown.dueAt(), countdown.timeLeft().toString(),
                countdown.timeLeft().toSeconds(), countdown.timeLeft().isNegative());
    }
}

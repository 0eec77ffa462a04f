package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The response clock has used the warning fraction of its target. */
public record SlaWarning(String ticketId, Plan plan, Priority priority, Duration target, Instant receivedAt,
        Instant dueAt, Instant at, Integer policyVersion)
        implements SlaEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public SlaWarning(String ticketId, Plan plan, Priority priority, Duration target, Instant receivedAt,
            Instant dueAt, Instant at) {
        this(ticketId, plan, priority, target, receivedAt, dueAt, at, null);
    }
}

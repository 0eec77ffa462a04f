package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The handling clock has used the warning fraction of its target. */
public record HandlingWarning(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
        Instant handleFrom, Duration target, Instant dueAt, Instant at, Integer policyVersion)
        implements HandlingEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public HandlingWarning(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
            Instant handleFrom, Duration target, Instant dueAt, Instant at) {
        this(ticketId, plan, priority, mode, scheduleId, handleFrom, target, dueAt, at, null);
    }
}

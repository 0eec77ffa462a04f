package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The ticket was taken up (acknowledged or resolved) by its handling due time. */
public record HandlingMet(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
        Instant handleFrom, Duration target, Instant dueAt, Instant takenUpAt, Integer policyVersion)
        implements HandlingEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public HandlingMet(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
            Instant handleFrom, Duration target, Instant dueAt, Instant takenUpAt) {
        this(ticketId, plan, priority, mode, scheduleId, handleFrom, target, dueAt, takenUpAt, null);
    }
}

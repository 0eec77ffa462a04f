package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** A handling breach is withdrawn: the ticket had been taken up in time, but that was consumed late. */
public record HandlingBreachRetracted(String ticketId, Plan plan, Priority priority, HandlingMode mode,
        String scheduleId, Instant handleFrom, Duration target, Instant dueAt, Instant at, Integer policyVersion)
        implements HandlingEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public HandlingBreachRetracted(String ticketId, Plan plan, Priority priority, HandlingMode mode,
            String scheduleId, Instant handleFrom, Duration target, Instant dueAt, Instant at) {
        this(ticketId, plan, priority, mode, scheduleId, handleFrom, target, dueAt, at, null);
    }
}

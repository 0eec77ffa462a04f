package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** Nobody took the ticket up by its handling due time; {@code breachedAt} = {@code dueAt}. */
public record HandlingBreached(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
        String scheduleId, Instant handleFrom, Duration target, Instant dueAt, Instant breachedAt,
        Integer policyVersion)
        implements HandlingEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public HandlingBreached(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
            String scheduleId, Instant handleFrom, Duration target, Instant dueAt, Instant breachedAt) {
        this(ticketId, reference, plan, priority, mode, scheduleId, handleFrom, target, dueAt, breachedAt, null);
    }
}

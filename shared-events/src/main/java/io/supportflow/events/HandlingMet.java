package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The ticket was taken up (acknowledged or resolved) by its handling due time. */
public record HandlingMet(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
                          Instant handleFrom, Duration target, Instant dueAt, Instant takenUpAt)
        implements HandlingEvent {
}

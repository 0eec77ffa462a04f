package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The handling clock has used the warning fraction of its target. */
public record HandlingWarning(String ticketId, Plan plan, Priority priority, HandlingMode mode, String scheduleId,
                              Instant handleFrom, Duration target, Instant dueAt, Instant at) implements HandlingEvent {
}

package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** A handling breach is withdrawn: the ticket had been taken up in time, but that was consumed late. */
public record HandlingBreachRetracted(String ticketId, Plan plan, Priority priority, HandlingMode mode,
                                      String scheduleId, Instant handleFrom, Duration target, Instant dueAt,
                                      Instant at) implements HandlingEvent {
}

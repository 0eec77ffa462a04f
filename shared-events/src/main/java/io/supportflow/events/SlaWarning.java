package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The response clock has used the warning fraction of its target. */
public record SlaWarning(
        String ticketId, Plan plan, Priority priority, Duration target, Instant receivedAt, Instant dueAt, Instant at)
        implements SlaEvent {
}

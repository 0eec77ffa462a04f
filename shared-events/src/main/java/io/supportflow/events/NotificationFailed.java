package io.supportflow.events;

import java.time.Instant;

/** A message could not be delivered before the give-up time. */
public record NotificationFailed(
        String ticketId, NotificationKind kind, String to, int attempts, String lastError, Instant at)
        implements NotificationEvent {
}

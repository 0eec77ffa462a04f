package io.supportflow.events;

import java.time.Instant;

/** The mail server accepted a message for the customer (or ops) at {@code sentAt}. */
public record CustomerNotified(String ticketId, NotificationKind kind, String to, String messageId, Instant sentAt)
        implements NotificationEvent {
}

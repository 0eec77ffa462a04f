package io.supportflow.notification.rest;

import java.time.Instant;

import io.supportflow.events.NotificationKind;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;

/** One message of a ticket as the audit shows it: what, to whom, when and how it went. */
public record NotificationView(String ticketId, NotificationKind kind, String to, String subject, String messageId,
                               NotificationStatus status, int attempts, Instant requestedAt, Instant sentAt,
                               Instant nextAttemptAt, Instant failedAt, String lastError) {

    static NotificationView of(NotificationEntity n) {
        return new NotificationView(n.ticketId, n.kind, String.join(", ", n.recipientList()), n.subject, n.messageId,
                n.status, n.attempts, n.createdAt, n.sentAt,
                n.status == NotificationStatus.PENDING ? n.nextAttemptAt : null, n.failedAt, n.lastError);
    }
}

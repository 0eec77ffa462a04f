package io.supportflow.notification.rest;

import java.time.Instant;

import io.supportflow.events.NotificationKind;
import io.supportflow.notification.repository.NotificationChannel;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;

/**
 * One message of a ticket as the audit shows it: what, to whom (addresses, or a webhook's name) by which channel,
 * when and how it went.
 */
public record NotificationView(String ticketId, NotificationKind kind, NotificationChannel channel, String to,
                               String subject, String messageId,
                               NotificationStatus status, int attempts, Instant requestedAt, Instant sentAt,
                               Instant nextAttemptAt, Instant failedAt, String lastError) {

    static NotificationView of(NotificationEntity n) {
        return new NotificationView(n.ticketId, n.kind, n.channel, String.join(", ", n.recipientList()), n.subject,
                n.messageId, n.status, n.attempts, n.createdAt, n.sentAt,
                n.status == NotificationStatus.PENDING ? n.nextAttemptAt : null, n.failedAt, n.lastError);
    }
}

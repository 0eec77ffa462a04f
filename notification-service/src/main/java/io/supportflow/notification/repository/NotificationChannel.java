package io.supportflow.notification.repository;

/** How a notification travels: a mail over SMTP, or a signed JSON POST to a configured webhook. */
public enum NotificationChannel {
    EMAIL, WEBHOOK
}

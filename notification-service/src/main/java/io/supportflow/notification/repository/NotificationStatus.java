package io.supportflow.notification.repository;

/** PENDING until the SMTP server accepted the message (SENT) or the give-up time passed (FAILED). */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}

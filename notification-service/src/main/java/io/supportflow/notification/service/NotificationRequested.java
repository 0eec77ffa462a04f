package io.supportflow.notification.service;

/** A notification was put into the mail outbox; observed after its transaction committed. */
record NotificationRequested(String notificationId) {
}

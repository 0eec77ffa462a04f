package io.supportflow.notification.repository;

import io.supportflow.events.NotificationKind;

/** What tells notifications apart: a ticket gets one message per kind and occasion. */
public record NotificationKey(String ticketId, NotificationKind kind, String occasion) {
}

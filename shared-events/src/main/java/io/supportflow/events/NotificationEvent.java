package io.supportflow.events;

/** Events written by notification-service on {@code tickets.notifications}. */
public sealed interface NotificationEvent extends SupportEvent permits CustomerNotified, NotificationFailed {
}

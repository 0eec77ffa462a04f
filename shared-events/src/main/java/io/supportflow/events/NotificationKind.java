package io.supportflow.events;

/** The messages the notification service sends. */
public enum NotificationKind {
    TICKET_LOGGED, PRIORITY_CHANGED, SURVEY, SLA_BREACH_ALERT, ON_CALL_PAGE, ESCALATION
}

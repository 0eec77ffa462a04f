package io.supportflow.sla.console;

/** What a line of a ticket's timeline on the console's ticket page is about. */
public enum TimelineKind {
    RECEIVED,
    PRIORITY,
    REVIEW,
    RESPONDED,
    RESPONSE_BREACHED,
    HANDLING_FROM,
    HANDLING_BREACHED,
    ESCALATED,
    ACKNOWLEDGED,
    RESOLVED,
    REOPENED,
    NOTIFIED,
    NOTIFICATION_FAILED,
    SURVEY_ANSWERED;

    /** A message sent, or given up, for the ticket: these lines are also the page's list of notifications. */
    public boolean notification() {
        return this == NOTIFIED || this == NOTIFICATION_FAILED;
    }
}

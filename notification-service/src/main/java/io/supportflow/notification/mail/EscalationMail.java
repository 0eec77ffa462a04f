package io.supportflow.notification.mail;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** What an escalation shows: the ticket, the ladder's level, what started it and when it fired. */
public record EscalationMail(String reference, String ticketId, Plan plan, Priority priority, int level,
                             String trigger, String at, String description) {

    /** Also the summary a webhook delivery of the same escalation shows in the audit. */
    public String subject() {
        return "[Escalation L" + level + "] " + reference + " " + priority + " " + plan + ": " + trigger;
    }
}

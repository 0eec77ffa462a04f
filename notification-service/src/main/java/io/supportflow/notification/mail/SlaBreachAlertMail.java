package io.supportflow.notification.mail;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** What the ops alert shows about a missed response target. */
public record SlaBreachAlertMail(String reference, String ticketId, Plan plan, Priority priority, String target,
                                 String receivedAt, String dueAt, String breachedAt, String lateBy) {
}

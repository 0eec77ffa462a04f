package io.supportflow.notification.mail;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * What the "ticket logged" templates show; customer text stays raw here and is escaped by the HTML template.
 * {@code provisional}: the ticket is in triage review, so the mail says that an agent will confirm the priority.
 */
public record TicketLoggedMail(String reference, String customerName, String subject, Plan plan, Priority priority,
                               String responseTarget, boolean provisional) {
}

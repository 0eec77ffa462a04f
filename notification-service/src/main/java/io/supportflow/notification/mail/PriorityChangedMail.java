package io.supportflow.notification.mail;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** What the "priority changed" templates show: the priority the customer was told, and the agent's. */
public record PriorityChangedMail(String reference, String customerName, Plan plan, Priority previous,
                                  Priority priority, String responseTarget) {
}

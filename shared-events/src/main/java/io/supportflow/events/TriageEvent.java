package io.supportflow.events;

/** Events written by triage-service on {@code tickets.priority}. */
public sealed interface TriageEvent extends SupportEvent permits PriorityAssigned, TriageReviewRequested {
}

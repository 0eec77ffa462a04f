package io.supportflow.sla.domain;

import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * What is known of one ticket's response clock, and what has already been said about it.
 *
 * @param receivedAt    null until the ticket itself has been consumed
 * @param priority      the priority in force (at the stop, once stopped)
 * @param priorityKnown whether triage has decided anything (else {@code priority} is the default)
 * @param loggedAt      sentAt of the earliest "ticket logged" notification, null while the clock runs
 * @param warningsSent  how many of the warning fractions have been announced
 */
public record ClockFacts(Instant receivedAt, Plan plan, Priority priority, boolean priorityKnown, Instant loggedAt,
                         int warningsSent, boolean breachRaised, boolean breachRetracted, boolean metPublished) {

    public boolean received() {
        return receivedAt != null && plan != null;
    }
}

package io.supportflow.sla.domain;

import java.time.Instant;
import java.util.Set;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * What is known of one ticket's response clock, and what has already been said about it.
 *
 * @param receivedAt    null until the ticket itself has been consumed
 * @param priority      the priority in force (at the stop, once stopped)
 * @param priorityBasis whether triage has decided anything, or {@code priority} is the default
 * @param loggedAt      sentAt of the earliest "ticket logged" notification, null while the clock runs
 * @param warningsSent  how many of the warning fractions have been announced
 * @param published     the verdicts announced so far (a retracted breach among them)
 */
public record ClockFacts(Instant receivedAt, Plan plan, Priority priority, PriorityBasis priorityBasis,
                         Instant loggedAt, int warningsSent, Set<Verdict> published) {

    public enum PriorityBasis {
        /** Triage has said nothing yet. */
        DEFAULT,
        DECIDED
    }

    public ClockFacts {
        published = Set.copyOf(published);
    }

    public boolean received() {
        return receivedAt != null && plan != null;
    }

    public boolean priorityDecided() {
        return priorityBasis == PriorityBasis.DECIDED;
    }

    public boolean hasPublished(Verdict verdict) {
        return published.contains(verdict);
    }
}

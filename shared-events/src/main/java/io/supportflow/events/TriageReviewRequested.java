package io.supportflow.events;

import java.time.Instant;

/**
 * The rules could not decide with confidence; an agent must, meanwhile the provisional priority
 * applies. {@code clockPriority} is the most urgent priority the text plausibly supports, never less
 * urgent than the provisional one: the response clock runs on it so that a missed outage can only
 * make the clock stricter. Null on records written before the field; read {@link #clockRunsOn()}.
 */
public record TriageReviewRequested(String ticketId, Priority provisionalPriority, String reason, Instant at,
        Priority clockPriority) implements TriageEvent {

    public TriageReviewRequested(String ticketId, Priority provisionalPriority, String reason, Instant at) {
        this(ticketId, provisionalPriority, reason, at, null);
    }

    public Priority clockRunsOn() {
        if (clockPriority == null) {
            return provisionalPriority;
        }
        return clockPriority.isMoreUrgentThan(provisionalPriority) ? clockPriority : provisionalPriority;
    }
}

package io.supportflow.events;

import java.time.Instant;

/** The rules could not decide with confidence; an agent must, meanwhile the provisional priority applies. */
public record TriageReviewRequested(String ticketId, Priority provisionalPriority, String reason, Instant at)
        implements TriageEvent {
}

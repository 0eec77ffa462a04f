package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** The response target ran out before the customer was told the ticket is logged. */
public record SlaBreached(String ticketId, String reference, Plan plan, Priority priority, Duration target,
        Instant receivedAt, Instant dueAt, Instant breachedAt, Integer policyVersion)
        implements SlaEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public SlaBreached(String ticketId, String reference, Plan plan, Priority priority, Duration target,
            Instant receivedAt, Instant dueAt, Instant breachedAt) {
        this(ticketId, reference, plan, priority, target, receivedAt, dueAt, breachedAt, null);
    }
}

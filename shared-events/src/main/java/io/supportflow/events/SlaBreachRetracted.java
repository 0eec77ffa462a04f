package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** A breach raised earlier is withdrawn: the response had been sent in time but was consumed late. */
public record SlaBreachRetracted(String ticketId, Plan plan, Priority priority, Duration target, Instant receivedAt,
        Instant dueAt, Instant at, Integer policyVersion)
        implements SlaEvent {

    /** A verdict written before verdicts named the policy version they were reached under. */
    public SlaBreachRetracted(String ticketId, Plan plan, Priority priority, Duration target, Instant receivedAt,
            Instant dueAt, Instant at) {
        this(ticketId, plan, priority, target, receivedAt, dueAt, at, null);
    }
}

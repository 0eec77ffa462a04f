package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a ticket is to be handled, published for every ticket and again when its priority changes.
 *
 * @param paged the on-call people and webhooks to page at once; empty when the ticket waits for business hours
 * @param at    when sla-service made the plan: a page goes to whoever is on call then, however late the events
 *              that caused it were consumed
 */
public record HandlingScheduled(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
        String scheduleId, Instant handleFrom, Duration target, Instant dueAt, List<Recipient> paged, Instant at,
        Integer policyVersion)
        implements HandlingEvent {

    public HandlingScheduled {
        paged = paged == null ? List.of() : List.copyOf(paged);
    }

    /** A verdict written before verdicts named the policy version they were reached under. */
    public HandlingScheduled(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
            String scheduleId, Instant handleFrom, Duration target, Instant dueAt, List<Recipient> paged, Instant at) {
        this(ticketId, reference, plan, priority, mode, scheduleId, handleFrom, target, dueAt, paged, at, null);
    }
}

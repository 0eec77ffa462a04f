package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;

/** A breach that stands (not retracted). */
public record BreachView(String ticketId, String reference, Plan plan, Priority priority, String target,
                         Instant receivedAt, Instant dueAt, Instant breachedAt, Instant loggedAt) {

    static BreachView of(SlaClockEntity clock) {
        return new BreachView(clock.ticketId, clock.reference, clock.plan, clock.priority,
                Duration.ofSeconds(clock.targetSeconds).toString(), clock.receivedAt, clock.dueAt, clock.breachedAt,
                clock.loggedAt);
    }
}

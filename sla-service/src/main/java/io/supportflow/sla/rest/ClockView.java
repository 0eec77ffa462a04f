package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * One ticket's clock for ops. {@code state} is WAITING_FOR_TICKET (events came before the ticket),
 * RUNNING, MET or BREACHED; {@code timeLeft} (ISO-8601) only while RUNNING, negative once overdue.
 */
public record ClockView(String ticketId, String reference, Plan plan, Priority priority, boolean priorityDecided,
                        String state, String target, Instant receivedAt, Instant dueAt, Instant loggedAt,
                        Instant breachedAt, String timeLeft, Long timeLeftSeconds) {

    static ClockView of(SlaClockEntity clock, Instant now) {
        String state = state(clock);
        Duration left = "RUNNING".equals(state) ? Duration.between(now, clock.dueAt) : null;
        return new ClockView(clock.ticketId, clock.reference, clock.plan, clock.priority, clock.priorityKnown, state,
                clock.targetSeconds == null ? null : Duration.ofSeconds(clock.targetSeconds).toString(),
                clock.receivedAt, clock.dueAt, clock.loggedAt, clock.breached() ? clock.breachedAt : null,
                left == null ? null : left.toString(), left == null ? null : left.toSeconds());
    }

    private static String state(SlaClockEntity clock) {
        if (clock.dueAt == null) {
            return "WAITING_FOR_TICKET";
        }
        if (clock.breached()) {
            return "BREACHED";
        }
        if (clock.loggedAt != null && !clock.loggedAt.isAfter(clock.dueAt)) {
            return "MET";
        }
        return "RUNNING";
    }
}

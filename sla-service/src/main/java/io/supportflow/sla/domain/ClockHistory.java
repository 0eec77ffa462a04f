package io.supportflow.sla.domain;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * The stored facts of one ticket's clock that a report (real or what-if) is computed from. {@code target} is the one
 * the clock was last judged on, under the policy version of its verdict; null when it was never judged (or when the
 * facts come from replayed events).
 */
public record ClockHistory(Plan plan, Priority priority, Instant receivedAt, Instant loggedAt, Duration target) {

    public ClockHistory(Plan plan, Priority priority, Instant receivedAt, Instant loggedAt) {
        this(plan, priority, receivedAt, loggedAt, null);
    }
}

package io.supportflow.sla.domain;

import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** The stored facts of one ticket's clock that a report (real or what-if) is computed from. */
public record ClockHistory(Plan plan, Priority priority, Instant receivedAt, Instant loggedAt) {
}

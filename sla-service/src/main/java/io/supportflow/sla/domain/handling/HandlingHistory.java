package io.supportflow.sla.domain.handling;

import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** The stored facts of one ticket's handling clock a report is computed from; {@code takenUpAt} null while waiting. */
public record HandlingHistory(Plan plan, Priority priority, Instant dueAt, Instant takenUpAt) {
}

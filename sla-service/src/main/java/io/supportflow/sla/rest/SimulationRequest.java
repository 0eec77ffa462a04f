package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * A what-if question: the tickets received in [from, to) under other targets. {@code targets}
 * holds only the cells to change, as ISO-8601 durations, e.g. {@code {"PRO":{"P1":"PT2H"}}}.
 */
public record SimulationRequest(Instant from, Instant to, Map<Plan, Map<Priority, Duration>> targets) {
}

package io.supportflow.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** How soon a customer of each plan must hear that a ticket of each priority is logged (DESIGN.md). */
public final class ResponseTargets {

    private final Map<Plan, Map<Priority, Duration>> targets;

    public ResponseTargets(Map<Plan, Map<Priority, Duration>> targets) {
        Map<Plan, Map<Priority, Duration>> copy = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            Map<Priority, Duration> row = targets.get(plan);
            for (Priority priority : Priority.values()) {
                if (row == null || row.get(priority) == null) {
                    throw new IllegalArgumentException("No response target for " + plan + " " + priority);
                }
            }
            copy.put(plan, Map.copyOf(row));
        }
        this.targets = copy;
    }

    public Duration target(Plan plan, Priority priority) {
        return targets.get(plan).get(priority);
    }

    public Instant dueAt(Instant receivedAt, Plan plan, Priority priority) {
        return receivedAt.plus(target(plan, priority));
    }
}

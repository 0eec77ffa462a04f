package io.supportflow.sla.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** Targets (response or handling) per plan and priority; every cell must be present, so a gap fails at start, not at 3 a.m. */
public final class PolicyTable {

    private final Map<Plan, Map<Priority, Duration>> targets;

    public PolicyTable(Map<Plan, Map<Priority, Duration>> targets) {
        Map<Plan, Map<Priority, Duration>> copy = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            Map<Priority, Duration> row = targets.get(plan);
            Map<Priority, Duration> rowCopy = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                Duration target = row == null ? null : row.get(priority);
                if (target == null || target.isNegative() || target.isZero()) {
                    throw new IllegalArgumentException("No positive target for " + plan + " " + priority);
                }
                rowCopy.put(priority, target);
            }
            copy.put(plan, rowCopy);
        }
        this.targets = copy;
    }

    public Duration target(Plan plan, Priority priority) {
        return targets.get(plan).get(priority);
    }

    /** This table with the cells of {@code changes} replacing its own (for what-if questions). */
    public PolicyTable with(Map<Plan, Map<Priority, Duration>> changes) {
        Map<Plan, Map<Priority, Duration>> merged = new EnumMap<>(Plan.class);
        targets.forEach((plan, row) -> {
            Map<Priority, Duration> mergedRow = new EnumMap<>(row);
            mergedRow.putAll(changes.getOrDefault(plan, Map.of()));
            merged.put(plan, mergedRow);
        });
        return new PolicyTable(merged);
    }
}

package io.supportflow.sla.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** The policy table of DESIGN.md, written out independently of the service's configuration. */
final class DesignPolicies {

    private DesignPolicies() {
    }

    static PolicyTable table() {
        Map<Plan, Map<Priority, Duration>> targets = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            Map<Priority, Duration> row = new EnumMap<>(Priority.class);
            row.put(Priority.P1, Duration.ofHours(plan == Plan.FREE ? 24 : 1));
            row.put(Priority.P2, Duration.ofHours(plan == Plan.FREE ? 24 : 4));
            row.put(Priority.P3, Duration.ofHours(24));
            row.put(Priority.P4, Duration.ofHours(24));
            targets.put(plan, row);
        }
        return new PolicyTable(targets);
    }
}

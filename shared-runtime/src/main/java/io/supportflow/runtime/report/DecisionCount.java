package io.supportflow.runtime.report;

import java.util.Objects;

import io.supportflow.events.Priority;

/** How many agent decisions gave {@code agent} to tickets the rules had given {@code rules} (and sent to review or not). */
public record DecisionCount(Priority rules, Priority agent, boolean reviewed, long count) {

    public DecisionCount {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(agent, "agent");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    public boolean agreed() {
        return rules == agent;
    }
}

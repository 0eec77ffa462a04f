package io.supportflow.triage.domain;

import io.supportflow.events.Priority;

/**
 * The outcome of the rules: a priority, the rule that produced it and a reason an agent can read. When
 * {@code needsReview} the priority is only provisional and an agent must decide; meanwhile the response
 * clock runs on {@code clockPriority}, never less urgent than the provisional priority.
 */
public record TriageDecision(Priority priority, Priority clockPriority, String rule, String reason, boolean needsReview) {

    public TriageDecision {
        if (priority.isMoreUrgentThan(clockPriority)) {
            throw new IllegalArgumentException("A clock may not run on " + clockPriority + " for a " + priority + " ticket");
        }
    }

    static TriageDecision assigned(Priority priority, String rule, String reason) {
        return new TriageDecision(priority, priority, rule, reason, false);
    }

    static TriageDecision review(Priority provisional, String rule, String reason) {
        return new TriageDecision(provisional, provisional, rule, reason, true);
    }
}

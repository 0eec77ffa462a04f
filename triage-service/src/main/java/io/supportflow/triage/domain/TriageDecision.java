package io.supportflow.triage.domain;

import io.supportflow.events.Priority;

/**
 * The outcome of the rules: a priority, the rule that produced it and a reason an agent can
 * read. When {@code needsReview} the priority is only provisional and an agent must decide.
 */
public record TriageDecision(Priority priority, String rule, String reason, boolean needsReview) {

    static TriageDecision assigned(Priority priority, String rule, String reason) {
        return new TriageDecision(priority, rule, reason, false);
    }

    static TriageDecision review(Priority provisional, String rule, String reason) {
        return new TriageDecision(provisional, rule, reason, true);
    }
}

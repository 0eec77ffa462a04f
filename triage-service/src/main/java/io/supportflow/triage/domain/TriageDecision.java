package io.supportflow.triage.domain;

import io.supportflow.events.Priority;

/**
 * The outcome of the rules: a priority, the rule that produced it and a reason an agent can read. In review
 * the priority is only provisional until an agent decides; meanwhile the response clock runs on
 * {@code clockPriority}, never less urgent than the provisional priority.
 */
public record TriageDecision(Priority priority, Priority clockPriority, String rule, String reason, Status status) {

    public enum Status { ASSIGNED, IN_REVIEW }

    public TriageDecision {
        if (priority.isMoreUrgentThan(clockPriority)) {
            throw new IllegalArgumentException("A clock may not run on " + clockPriority + " for a " + priority + " ticket");
        }
    }

    static TriageDecision assigned(Priority priority, String rule, String reason) {
        return new TriageDecision(priority, priority, rule, reason, Status.ASSIGNED);
    }

    static TriageDecision review(Priority provisional, String rule, String reason) {
        return review(provisional, provisional, rule, reason);
    }

    static TriageDecision review(Priority provisional, Priority clockPriority, String rule, String reason) {
        return new TriageDecision(provisional, clockPriority, rule, reason, Status.IN_REVIEW);
    }

    public boolean needsReview() {
        return status == Status.IN_REVIEW;
    }
}

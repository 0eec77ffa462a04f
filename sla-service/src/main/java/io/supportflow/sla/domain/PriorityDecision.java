package io.supportflow.sla.domain;

import java.util.Objects;

import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TriageReviewRequested;

/**
 * A decision read from tickets.priority: the change it makes to the ticket's clock, whether an agent
 * took it, and for the rules' own decisions the priority they gave. The last is kept apart from the
 * change's because a review's clock may run on a stricter priority than the provisional one the rules
 * gave, and the console measures the rules against agents by what the rules gave.
 */
public record PriorityDecision(String ticketId, PriorityChange change, boolean byAgent, Priority rulesPriority) {

    public PriorityDecision {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(change, "change");
        if (byAgent != (rulesPriority == null)) {
            throw new IllegalArgumentException("the rules' decisions, and only theirs, have a rules priority");
        }
    }

    public static PriorityDecision of(PriorityAssigned assigned) {
        boolean byAgent = assigned.source() == PrioritySource.AGENT;
        return new PriorityDecision(assigned.ticketId(),
                new PriorityChange(PriorityChange.Kind.ASSIGNED, assigned.priority(), assigned.assignedAt()),
                byAgent, byAgent ? null : assigned.priority());
    }

    /** A review request is always the rules': they were not sure, and ask an agent. */
    public static PriorityDecision of(TriageReviewRequested review) {
        return new PriorityDecision(review.ticketId(),
                new PriorityChange(PriorityChange.Kind.PROVISIONAL, review.clockRunsOn(), review.at()),
                false, review.provisionalPriority());
    }
}

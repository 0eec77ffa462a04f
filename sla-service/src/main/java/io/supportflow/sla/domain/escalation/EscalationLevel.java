package io.supportflow.sla.domain.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * One configured rung: after its trigger, and {@code after} more without anybody taking the ticket up, its recipients
 * are told.
 *
 * @param index      its place among all configured levels; it names the level's event, so it never fires twice
 * @param plans      the plans it applies to, all when empty
 * @param priorities the priorities it applies to, all when empty
 * @param scheduleId the recipients' schedule (firing waits for its opening, except for P1); the ticket's when empty
 */
public record EscalationLevel(int index, EscalationTrigger trigger, Duration after, Set<Plan> plans,
                              Set<Priority> priorities, List<RecipientSpec> recipients, Optional<String> scheduleId) {

    public EscalationLevel {
        if (index < 0 || index >= EscalationLadder.MOST_LEVELS) {
            throw new IllegalArgumentException("At most " + EscalationLadder.MOST_LEVELS + " escalation levels");
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException("Escalation level " + index + " waits a negative time");
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("Escalation level " + index + " has no recipients");
        }
        plans = Set.copyOf(plans);
        priorities = Set.copyOf(priorities);
        recipients = List.copyOf(recipients);
    }

    public boolean appliesTo(Plan plan, Priority priority) {
        return (plans.isEmpty() || plans.contains(plan)) && (priorities.isEmpty() || priorities.contains(priority));
    }
}

package io.supportflow.events;

import java.time.Instant;

/**
 * A priority was decided for a ticket, by the rules or by an agent. {@code previous} is
 * null for the first decision; {@code rule} names the rule that fired (or {@code agent}).
 */
public record PriorityAssigned(
        String ticketId,
        Priority priority,
        Priority previous,
        PrioritySource source,
        String rule,
        String reason,
        String agentId,
        Instant assignedAt) implements TriageEvent {
}

package io.supportflow.sla.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.supportflow.events.Priority;

/**
 * The priority in force at an instant, from decisions that may have arrived in any order: the
 * latest assigned one, else the latest provisional one. A stopped clock looks only at decisions
 * taken up to its stop, so a re-prioritisation after the response cannot change the outcome.
 */
public final class PriorityHistory {

    private PriorityHistory() {
    }

    /** The priority in force at {@code cutoff} (null: now), empty when nothing was decided by then. */
    public static Optional<Priority> inForce(List<PriorityChange> changes, Instant cutoff) {
        return latest(changes, PriorityChange.Kind.ASSIGNED, cutoff)
                .or(() -> latest(changes, PriorityChange.Kind.PROVISIONAL, cutoff))
                .map(PriorityChange::priority);
    }

    /**
     * Since when the priority in force at {@code cutoff} has been provisional (an agent has yet to decide):
     * the first review request, empty once a priority was assigned.
     */
    public static Optional<Instant> provisionalSince(List<PriorityChange> changes, Instant cutoff) {
        if (latest(changes, PriorityChange.Kind.ASSIGNED, cutoff).isPresent()) {
            return Optional.empty();
        }
        return changes.stream()
                .filter(c -> c.kind() == PriorityChange.Kind.PROVISIONAL)
                .filter(c -> cutoff == null || !c.at().isAfter(cutoff))
                .map(PriorityChange::at)
                .min(Comparator.naturalOrder());
    }

    private static Optional<PriorityChange> latest(List<PriorityChange> changes, PriorityChange.Kind kind, Instant cutoff) {
        return changes.stream()
                .filter(c -> c.kind() == kind)
                .filter(c -> cutoff == null || !c.at().isAfter(cutoff))
                .max(Comparator.comparing(PriorityChange::at));
    }
}

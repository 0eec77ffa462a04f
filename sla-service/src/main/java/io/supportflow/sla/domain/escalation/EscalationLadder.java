package io.supportflow.sla.domain.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.hours.BusinessSchedule;

/**
 * The configured escalation levels and when each fires for a ticket: at its trigger's instant plus its wait, moved to
 * the next opening of the recipients' schedule unless the ticket is P1. A level whose trigger was stopped, or whose
 * ticket was taken up by its firing time, never fires; one that fired is not fired again.
 */
public final class EscalationLadder {

    /** The fired levels are kept as the bits of one number. */
    public static final int MOST_LEVELS = 63;

    private final List<EscalationLevel> levels;

    public EscalationLadder(List<EscalationLevel> levels) {
        this.levels = levels.stream().sorted(Comparator.comparingInt(EscalationLevel::index)).toList();
    }

    public List<EscalationLevel> levelsFor(Plan plan, Priority priority) {
        return levels.stream().filter(level -> level.appliesTo(plan, priority)).toList();
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /**
     * The levels due by {@code now} and when to look again.
     *
     * @param schedules a schedule by id (never null: an unknown id gives the default schedule)
     */
    public EscalationEvaluation evaluate(EscalationFacts facts, Instant now,
                                         Function<String, BusinessSchedule> schedules) {
        List<EscalationEvaluation.Firing> firings = new ArrayList<>();
        Instant alarmAt = null;
        List<EscalationLevel> ladder = levelsFor(facts.plan(), facts.priority());
        for (int rank = 0; rank < ladder.size(); rank++) {
            EscalationLevel level = ladder.get(rank);
            Optional<Instant> firesAt = firesAt(level, facts, schedules);
            if (facts.hasFired(level) || firesAt.isEmpty()) {
                continue;
            }
            if (!now.isBefore(firesAt.get())) {
                firings.add(new EscalationEvaluation.Firing(level, rank + 1, firesAt.get()));
            } else if (alarmAt == null || firesAt.get().isBefore(alarmAt)) {
                alarmAt = firesAt.get();
            }
        }
        return new EscalationEvaluation(firings, alarmAt);
    }

    private static Optional<Instant> firesAt(EscalationLevel level, EscalationFacts facts,
                                             Function<String, BusinessSchedule> schedules) {
        Instant triggeredAt = facts.triggers().get(level.trigger());
        if (triggeredAt == null) {
            return Optional.empty();
        }
        Instant firesAt = triggeredAt.plus(level.after());
        if (facts.priority() != Priority.P1) {
            BusinessSchedule schedule = schedules.apply(level.scheduleId().orElse(facts.scheduleId()));
            firesAt = schedule.nextOpening(firesAt).orElse(firesAt);
        }
        if (facts.takenUpAt() != null && !facts.takenUpAt().isAfter(firesAt)) {
            return Optional.empty();
        }
        return Optional.of(firesAt);
    }
}

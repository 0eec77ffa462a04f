package io.supportflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The response rules, in event time: a clock runs from receivedAt to the sentAt of the first
 * "ticket logged" notification and is met when that is not after receivedAt + target. Only the
 * passing of the due time needs processing time ({@code now}), for a response that has not come.
 */
public final class ResponseClock {

    private final PolicyTable policies;
    private final List<Double> warningFractions;

    public ResponseClock(PolicyTable policies, List<Double> warningFractions) {
        this.policies = policies;
        this.warningFractions = warningFractions.stream().sorted().toList();
    }

    public Evaluation evaluate(ClockFacts facts, Instant now) {
        if (!facts.received()) {
            return Evaluation.NOT_STARTED;
        }
        Duration target = policies.target(facts.plan(), facts.priority());
        Instant dueAt = facts.receivedAt().plus(target);
        Instant loggedAt = facts.loggedAt();
        if (loggedAt != null && !loggedAt.isAfter(dueAt)) {
            return metInTime(facts, target, dueAt);
        }
        boolean overdue = loggedAt != null || !now.isBefore(dueAt);
        if (overdue) {
            return Evaluation.settled(target, dueAt,
                    facts.hasPublished(Verdict.BREACHED) ? Set.of() : Set.of(Verdict.BREACHED));
        }
        List<Evaluation.Warning> warnings = new ArrayList<>();
        int index = facts.warningsSent();
        while (index < warningFractions.size() && !now.isBefore(warningAt(facts, target, index))) {
            warnings.add(new Evaluation.Warning(index, warningAt(facts, target, index)));
            index++;
        }
        Instant alarmAt = index < warningFractions.size() ? warningAt(facts, target, index) : dueAt;
        return Evaluation.running(target, dueAt, warnings, alarmAt);
    }

    /**
     * Responded in time. The verdict waits until triage has said something: a priority decided
     * before the response but consumed after it could still shorten the target.
     */
    private static Evaluation metInTime(ClockFacts facts, Duration target, Instant dueAt) {
        if (!facts.priorityDecided()) {
            return Evaluation.settled(target, dueAt, Set.of());
        }
        Set<Verdict> owed = EnumSet.noneOf(Verdict.class);
        if (facts.hasPublished(Verdict.BREACHED) && !facts.hasPublished(Verdict.BREACH_RETRACTED)) {
            owed.add(Verdict.BREACH_RETRACTED);
        }
        if (!facts.hasPublished(Verdict.MET)) {
            owed.add(Verdict.MET);
        }
        return Evaluation.settled(target, dueAt, owed);
    }

    private Instant warningAt(ClockFacts facts, Duration target, int index) {
        return warningAt(facts.receivedAt(), target, index);
    }

    /** When a clock received at {@code receivedAt} with {@code target} reaches its {@code index}-th warning fraction. */
    public Instant warningAt(Instant receivedAt, Duration target, int index) {
        return receivedAt.plusMillis(Math.round(target.toMillis() * warningFractions.get(index)));
    }

    public int warningCount() {
        return warningFractions.size();
    }

    public double warningFraction(int index) {
        return warningFractions.get(index);
    }
}

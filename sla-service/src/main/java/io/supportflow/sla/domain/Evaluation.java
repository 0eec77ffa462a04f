package io.supportflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a clock says at an instant: its target and due time, the events now owed, and when to look again.
 *
 * @param newWarnings the warnings now due, each with the instant its fraction was reached
 * @param owed        the verdicts now to announce
 * @param alarmAt     when the scanner must look again; null when nothing more can happen without a new event
 */
public record Evaluation(Duration target, Instant dueAt, List<Warning> newWarnings, Set<Verdict> owed,
                         Instant alarmAt) {

    public static final Evaluation NOT_STARTED = new Evaluation(null, null, List.of(), Set.of(), null);

    public Evaluation {
        newWarnings = List.copyOf(newWarnings);
        owed = Set.copyOf(owed);
    }

    /** Still running: no verdict yet, perhaps warnings, and an alarm at the next warning or the due time. */
    public static Evaluation running(Duration target, Instant dueAt, List<Warning> newWarnings, Instant alarmAt) {
        return new Evaluation(target, dueAt, newWarnings, Set.of(), alarmAt);
    }

    /** Overdue or responded: no warning and no alarm any more, only the verdicts still owed. */
    public static Evaluation settled(Duration target, Instant dueAt, Set<Verdict> owed) {
        return new Evaluation(target, dueAt, List.of(), owed, null);
    }

    public boolean owes(Verdict verdict) {
        return owed.contains(verdict);
    }

    /** The {@code index}-th warning fraction was reached at {@code at}. */
    public record Warning(int index, Instant at) {
    }
}

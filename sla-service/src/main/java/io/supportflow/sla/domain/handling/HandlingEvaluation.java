package io.supportflow.sla.domain.handling;

import java.time.Instant;
import java.util.Set;

import io.supportflow.sla.domain.Verdict;

/**
 * What a handling clock owes at an instant.
 *
 * @param warningOwed whether the warning is now to be announced
 * @param alarmAt     when to look again; null when only a new event can change anything
 */
public record HandlingEvaluation(boolean warningOwed, Set<Verdict> owed, Instant alarmAt) {

    public static final HandlingEvaluation NOTHING = new HandlingEvaluation(false, Set.of(), null);

    public HandlingEvaluation {
        owed = Set.copyOf(owed);
    }

    public boolean owes(Verdict verdict) {
        return owed.contains(verdict);
    }
}

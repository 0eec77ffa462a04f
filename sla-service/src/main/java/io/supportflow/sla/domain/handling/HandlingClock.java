package io.supportflow.sla.domain.handling;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.supportflow.sla.domain.Verdict;

/**
 * The handling rules, in event time, as the response clock's: met when the ticket was taken up by its due time,
 * breached when not, a breach retracted when a take-up consumed late proves it wrong. Only the passing of the warning
 * and due times needs processing time ({@code now}).
 */
public final class HandlingClock {

    private HandlingClock() {
    }

    public static HandlingEvaluation evaluate(HandlingFacts facts, Instant now) {
        Instant takenUpAt = facts.takenUpAt();
        if (takenUpAt != null && !takenUpAt.isAfter(facts.dueAt())) {
            Set<Verdict> owed = EnumSet.noneOf(Verdict.class);
            if (facts.published().contains(Verdict.BREACHED) && !facts.published().contains(Verdict.BREACH_RETRACTED)) {
                owed.add(Verdict.BREACH_RETRACTED);
            }
            if (!facts.published().contains(Verdict.MET)) {
                owed.add(Verdict.MET);
            }
            return new HandlingEvaluation(false, owed, null);
        }
        if (takenUpAt != null || !now.isBefore(facts.dueAt())) {
            return new HandlingEvaluation(false,
                    facts.published().contains(Verdict.BREACHED) ? Set.of() : Set.of(Verdict.BREACHED), null);
        }
        boolean warningOwed = !facts.warned() && !now.isBefore(facts.warnAt());
        Instant alarmAt = facts.warned() || warningOwed ? facts.dueAt() : facts.warnAt();
        return new HandlingEvaluation(warningOwed, Set.of(), alarmAt);
    }
}

package io.supportflow.sla.domain.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.supportflow.sla.domain.Verdict;

class HandlingClockTest {

    private static final Instant WARN_AT = Instant.parse("2031-03-03T10:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2031-03-03T12:00:00Z");

    @Test
    void beforeTheWarningItOwesNothingAndLooksAgainAtTheWarning() {
        HandlingEvaluation evaluation = HandlingClock.evaluate(facts(null, false, Set.of()), WARN_AT.minusSeconds(1));

        assertThat(evaluation.warningOwed()).isFalse();
        assertThat(evaluation.owed()).isEmpty();
        assertThat(evaluation.alarmAt()).isEqualTo(WARN_AT);
    }

    @Test
    void atTheWarningItWarnsOnceAndThenWaitsForTheDueTime() {
        HandlingEvaluation due = HandlingClock.evaluate(facts(null, false, Set.of()), WARN_AT);
        HandlingEvaluation warned = HandlingClock.evaluate(facts(null, true, Set.of()), WARN_AT.plusSeconds(60));

        assertThat(due.warningOwed()).isTrue();
        assertThat(due.alarmAt()).isEqualTo(DUE_AT);
        assertThat(warned.warningOwed()).isFalse();
        assertThat(warned.alarmAt()).isEqualTo(DUE_AT);
    }

    @Test
    void nobodyTakingItUpByTheDueTimeIsOneBreach() {
        HandlingEvaluation due = HandlingClock.evaluate(facts(null, true, Set.of()), DUE_AT);
        HandlingEvaluation announced = HandlingClock.evaluate(facts(null, true, Set.of(Verdict.BREACHED)),
                DUE_AT.plusSeconds(5));

        assertThat(due.owed()).containsExactly(Verdict.BREACHED);
        assertThat(due.alarmAt()).isNull();
        assertThat(announced.owed()).isEmpty();
    }

    @Test
    void aTakeUpByTheDueTimeIsMetWhenEverItIsConsumed() {
        HandlingEvaluation evaluation = HandlingClock.evaluate(facts(DUE_AT, true, Set.of()), DUE_AT.plusSeconds(3600));

        assertThat(evaluation.owed()).containsExactly(Verdict.MET);
        assertThat(evaluation.alarmAt()).isNull();
    }

    @Test
    void aTakeUpInTimeConsumedAfterTheBreachRetractsIt() {
        HandlingEvaluation evaluation = HandlingClock.evaluate(
                facts(DUE_AT.minusSeconds(1), true, Set.of(Verdict.BREACHED)), DUE_AT.plusSeconds(10));

        assertThat(evaluation.owed()).containsExactlyInAnyOrder(Verdict.BREACH_RETRACTED, Verdict.MET);
    }

    @Test
    void aLateTakeUpIsABreachEvenBeforeTheScannerNoticedTheDueTime() {
        HandlingEvaluation evaluation = HandlingClock.evaluate(facts(DUE_AT.plusMillis(1), false, Set.of()),
                DUE_AT.minusSeconds(30));

        assertThat(evaluation.owed()).containsExactly(Verdict.BREACHED);
    }

    private static HandlingFacts facts(Instant takenUpAt, boolean warned, Set<Verdict> published) {
        return new HandlingFacts(DUE_AT, WARN_AT, takenUpAt, warned, published);
    }
}

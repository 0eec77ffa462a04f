package io.supportflow.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

class ResponseClockTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
    private final ResponseClock rules = new ResponseClock(DesignPolicies.table(), List.of(0.9, 0.75));

    private static ClockFacts clock(Plan plan, Priority priority, Instant loggedAt) {
        return new ClockFacts(RECEIVED, plan, priority, ClockFacts.PriorityBasis.DECIDED, loggedAt, 0, Set.of());
    }

    @ParameterizedTest(name = "{0} {1} has {2} hours")
    @CsvSource({
            "FREE,P1,24", "FREE,P2,24", "FREE,P3,24", "FREE,P4,24",
            "PRO,P1,1", "PRO,P2,4", "PRO,P3,24", "PRO,P4,24",
            "BUSINESS,P1,1", "BUSINESS,P2,4", "BUSINESS,P3,24", "BUSINESS,P4,24",
            "ENTERPRISE,P1,1", "ENTERPRISE,P2,4", "ENTERPRISE,P3,24", "ENTERPRISE,P4,24",
            "EDUCATION,P1,1", "EDUCATION,P2,4", "EDUCATION,P3,24", "EDUCATION,P4,24",
            "API,P1,1", "API,P2,4", "API,P3,24", "API,P4,24"})
    void aResponseAtTheTargetIsMetAndOneSecondLaterIsBreached(Plan plan, Priority priority, int hours) {
        Instant dueAt = RECEIVED.plus(Duration.ofHours(hours));

        Evaluation onTheDot = rules.evaluate(clock(plan, priority, dueAt), dueAt.plusSeconds(60));
        Evaluation late = rules.evaluate(clock(plan, priority, dueAt.plusSeconds(1)), dueAt.plusSeconds(60));

        assertThat(onTheDot.target()).isEqualTo(Duration.ofHours(hours));
        assertThat(onTheDot.dueAt()).isEqualTo(dueAt);
        assertThat(onTheDot.owes(Verdict.MET)).isTrue();
        assertThat(onTheDot.owes(Verdict.BREACHED)).isFalse();
        assertThat(late.owes(Verdict.MET)).isFalse();
        assertThat(late.owes(Verdict.BREACHED)).isTrue();
    }

    @Test
    void aRunningClockOwesNothingBeforeItsFirstWarningAndRingsThen() {
        Evaluation early = rules.evaluate(clock(Plan.PRO, Priority.P1, null), RECEIVED.plus(Duration.ofMinutes(44)));

        assertThat(early.newWarnings()).isEmpty();
        assertThat(early.alarmAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(45)));
    }

    @Test
    void warningsComeInFractionOrderAndThenTheAlarmIsTheDueTime() {
        Evaluation late = rules.evaluate(clock(Plan.PRO, Priority.P1, null), RECEIVED.plus(Duration.ofMinutes(55)));

        assertThat(late.newWarnings()).containsExactly(
                new Evaluation.Warning(0, RECEIVED.plus(Duration.ofMinutes(45))),
                new Evaluation.Warning(1, RECEIVED.plus(Duration.ofMinutes(54))));
        assertThat(late.alarmAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
        assertThat(late.owes(Verdict.BREACHED)).isFalse();
    }

    @Test
    void anOverdueClockBreachesOnceWithoutFurtherWarnings() {
        ClockFacts overdue = clock(Plan.PRO, Priority.P1, null);
        Evaluation first = rules.evaluate(overdue, RECEIVED.plus(Duration.ofHours(2)));
        ClockFacts raised = new ClockFacts(RECEIVED, Plan.PRO, Priority.P1, ClockFacts.PriorityBasis.DECIDED, null, 0,
                Set.of(Verdict.BREACHED));

        assertThat(first.owes(Verdict.BREACHED)).isTrue();
        assertThat(first.newWarnings()).isEmpty();
        assertThat(first.alarmAt()).isNull();
        assertThat(rules.evaluate(raised, RECEIVED.plus(Duration.ofHours(3))).owes(Verdict.BREACHED)).isFalse();
    }

    @Test
    void anInTimeResponseAfterARaisedBreachRetractsItAndIsMet() {
        ClockFacts raised = new ClockFacts(RECEIVED, Plan.PRO, Priority.P1, ClockFacts.PriorityBasis.DECIDED,
                RECEIVED.plusSeconds(600), 0, Set.of(Verdict.BREACHED));

        Evaluation verdict = rules.evaluate(raised, RECEIVED.plus(Duration.ofHours(2)));

        assertThat(verdict.owes(Verdict.BREACH_RETRACTED)).isTrue();
        assertThat(verdict.owes(Verdict.MET)).isTrue();
    }

    @Test
    void anInTimeResponseWaitsForTriageBeforeItIsDeclaredMet() {
        ClockFacts undecided = new ClockFacts(RECEIVED, Plan.PRO, Priority.P3, ClockFacts.PriorityBasis.DEFAULT,
                RECEIVED.plusSeconds(600), 0, Set.of());

        Evaluation verdict = rules.evaluate(undecided, RECEIVED.plus(Duration.ofHours(2)));

        assertThat(verdict.owes(Verdict.MET)).isFalse();
        assertThat(verdict.alarmAt()).isNull();
    }

    @Test
    void aClockWhoseTicketHasNotArrivedHasNoDueTime() {
        ClockFacts orphan = new ClockFacts(null, null, Priority.P3, ClockFacts.PriorityBasis.DEFAULT, RECEIVED, 0,
                Set.of());

        assertThat(rules.evaluate(orphan, RECEIVED)).isEqualTo(Evaluation.NOT_STARTED);
    }

    @Test
    void aPolicyTableWithAMissingCellIsRefused() {
        assertThatThrownBy(() -> new PolicyTable(Map.of(Plan.FREE, Map.of(Priority.P1, Duration.ofHours(1)))))
                .hasMessageContaining("FREE P2");
    }
}

package io.supportflow.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

class ComplianceReportTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private static ClockHistory answeredAfter(Plan plan, Priority priority, int minutes) {
        return new ClockHistory(plan, priority, T, T.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void eachPlanAndPriorityCountsMetBreachedAndOpenWithResponsePercentiles() {
        List<ClockHistory> clocks = new ArrayList<>();
        for (int minutes = 1; minutes <= 100; minutes++) {
            clocks.add(answeredAfter(Plan.PRO, Priority.P1, minutes));
        }
        clocks.add(new ClockHistory(Plan.PRO, Priority.P1, T.plus(Duration.ofMinutes(30)), null));
        clocks.add(answeredAfter(Plan.FREE, Priority.P3, 10));

        List<ComplianceReport.Row> rows = ComplianceReport.compute(clocks, DesignPolicies.table(), T.plusSeconds(3600));

        assertThat(rows).containsExactly(
                new ComplianceReport.Row(Plan.FREE, Priority.P3, 1, 1, 0, 0, 100.0, 600L, 600L, 600L),
                new ComplianceReport.Row(Plan.PRO, Priority.P1, 101, 60, 40, 1, 60.0, 3000L, 5400L, 5940L));
    }

    @Test
    void anUnansweredClockPastItsDueTimeCountsAsBreached() {
        List<ClockHistory> clocks = List.of(new ClockHistory(Plan.API, Priority.P2, T, null));

        ComplianceReport.Row row = ComplianceReport.compute(clocks, DesignPolicies.table(), T.plus(Duration.ofHours(5)))
                .get(0);

        assertThat(row.breached()).isEqualTo(1);
        assertThat(row.compliancePercent()).isEqualTo(0.0);
        assertThat(row.p50Seconds()).isNull();
    }

    @Test
    void aWhatIfTableChangesTheVerdictOfTheSameHistory() {
        List<ClockHistory> clocks = List.of(answeredAfter(Plan.PRO, Priority.P1, 90));
        PolicyTable twoHours = DesignPolicies.table().with(Map.of(Plan.PRO, Map.of(Priority.P1, Duration.ofHours(2))));

        assertThat(ComplianceReport.compute(clocks, DesignPolicies.table(), T.plus(Duration.ofDays(1))).get(0).met())
                .isZero();
        assertThat(ComplianceReport.compute(clocks, twoHours, T.plus(Duration.ofDays(1))).get(0).met()).isEqualTo(1);
    }

    @Test
    void asJudgedEachClockKeepsTheTargetItWasJudgedOnAndOneNeverJudgedTakesTheTable() {
        List<ClockHistory> clocks = List.of(
                new ClockHistory(Plan.PRO, Priority.P2, T, T.plus(Duration.ofHours(3)), Duration.ofHours(4)),
                new ClockHistory(Plan.PRO, Priority.P2, T, T.plus(Duration.ofHours(3))));
        PolicyTable twoHours = DesignPolicies.table().with(Map.of(Plan.PRO, Map.of(Priority.P2, Duration.ofHours(2))));

        ComplianceReport.Row row = ComplianceReport.asJudged(clocks, twoHours, T.plus(Duration.ofDays(1))).get(0);

        assertThat(row.met()).isEqualTo(1);
        assertThat(row.breached()).isEqualTo(1);
    }
}

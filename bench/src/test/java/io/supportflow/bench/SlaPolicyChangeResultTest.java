package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyChangeResultTest {

    @Test
    void theRateCountsFromThePutsAnswer() {
        assertThat(SlaPolicyChangeResult.rate(100_000, 1_000, 5_000L)).isEqualTo(25_000d);
        assertThat(SlaPolicyChangeResult.rate(100_000, 1_000, null)).isNull();
        assertThat(SlaPolicyChangeResult.rate(10, 50, 50L)).isEqualTo(10_000d); // seen at the first look
    }

    @Test
    void allJudgedAgainWithinTenSecondsOfThePutMeetsTheFigure() {
        assertThat(result(100_000, 9_900L).verdict()).isEqualTo("Issue 20's target, 100,000 open clocks recomputed "
                + "within 10 s of a policy change: **met**: 100,000 open clocks judged again 9.9 s after the PUT was "
                + "sent.");
    }

    @Test
    void laterIsNotMet() {
        assertThat(result(120_000, 10_100L).verdict()).contains("**not met**: 120,000 open clocks judged again 10.1 s");
    }

    @Test
    void fewerClocksThanTheFigureSaySo() {
        assertThat(result(5_000, 800L).verdict()).contains("**met**: 5,000 open clocks")
                .endsWith("Fewer clocks than the figure's 100,000: run with --clocks 100000 for the figure itself.");
    }

    @Test
    void notDoneWithinTheTimeoutIsNotMet() {
        assertThat(result(100_000, null).verdict()).contains("**not met**: 120 s after the PUT was sent 1,234 alarms "
                + "were still at or before the change and 567 seeded clocks still due on the old target.");
    }

    @Test
    void theReportStatesTheVerdictAndEachInstant() {
        String md = result(100_000, 4_321L).markdown("bin/supportflow bench sla-policy-change");
        assertThat(md).contains("**met**: 100,000 open clocks judged again 4.3 s")
                .contains("| PUT sent → answered (stores the version and rings every alarm in one UPDATE) | 850 ms |")
                .contains("| PUT sent → every seeded alarm rung | 870 ms (the first look after the answer) |")
                .contains("polled every 100 ms) | 4321 ms |")
                .contains("version 3 → 4, response target of PRO P2 PT4H → PT2H")
                .contains("| sla-service CPU, PUT sent → last look | 6.2 s (143 % of one core) |")
                .contains("0.9: 100,000, 1.9: 61,000, 4.3: 0")
                .contains("tickets.received and tickets.priority");
    }

    private static SlaPolicyChangeResult result(long openClocks, Long judgedMillis) {
        return new SlaPolicyChangeResult(100_000, "PRO P2", true, Duration.ofHours(4), Duration.ofHours(2), 3, 4,
                Instant.parse("2026-03-02T10:00:00Z"), new Machine(4, 16_000, "17", "Linux"), "0.5 0.4 0.3",
                "1.5 0.6 0.4", 12.3, 45.6, "autovacuum on: the server kept the tables", openClocks, openClocks, 850,
                870L, judgedMillis, 120, judgedMillis == null ? 1_234 : 0, judgedMillis == null ? 567 : 0,
                SlaPolicyChangeResult.rate(openClocks, 850, judgedMillis),
                List.of(new SlaPolicyChangeResult.Progress(0.9, 100_000), new SlaPolicyChangeResult.Progress(1.9, 61_000),
                        new SlaPolicyChangeResult.Progress(4.3, 0)),
                List.of(new ProcessSampler.ProcessFigures("sla", 6.2, 143, 900, 1),
                        new ProcessSampler.ProcessFigures("postgresql (all processes)", 3.1, 72, 200, 12)));
    }
}

package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstMinuteSplitTest {

    @Test
    void latencyCountsByReceivedAtAndCpuIsSharedAmongTheTicketsLoggedOnEachSide() {
        // Measuring began just over a minute ago, so the sample at the minute is taken at once.
        Instant measuredFrom = Instant.now().minusSeconds(61);
        long minute = measuredFrom.plusSeconds(60).toEpochMilli();
        try (FirstMinuteSplit split = new FirstMinuteSplit(() -> usage(12), measuredFrom, Duration.ofSeconds(120))) {
            await().atMost(Duration.ofSeconds(10)).until(split::sampledAtTheMinute);
            split.record(minute - 2_000, minute - 1_100);   // taken in and logged in the first minute
            split.record(minute - 1_000, minute + 9_000);   // taken in during the first minute, logged after it
            split.record(minute + 1_000, minute + 1_300);   // both after it

            PipelineResult.FirstMinute result = split.result(usage(0), usage(30));

            assertThat(result.endToEndFirstMinute().count()).isEqualTo(2);
            assertThat(result.endToEndFirstMinute().maxMs()).isCloseTo(10_000, within(10.0));
            assertThat(result.endToEndAfterwards().count()).isEqualTo(1);
            assertThat(result.loggedInFirstMinute()).isEqualTo(1);
            assertThat(result.loggedAfterwards()).isEqualTo(2);
            // 12 CPU seconds up to the minute for one ticket logged, 18 after it for two; the benchmark's own CPU
            // is left out.
            assertThat(result.stackCpuMillisPerTicketFirstMinute()).isCloseTo(12_000, within(0.1));
            assertThat(result.stackCpuMillisPerTicketAfterwards()).isCloseTo(9_000, within(0.1));
        }
    }

    @Test
    void aRunEndedBeforeTheMinuteWasSampledHasNoCpuSplit() {
        try (FirstMinuteSplit split = new FirstMinuteSplit(() -> usage(1), Instant.now(), Duration.ofSeconds(120))) {
            long now = Instant.now().toEpochMilli();
            split.record(now, now + 500);

            PipelineResult.FirstMinute result = split.result(usage(0), usage(5));

            assertThat(split.sampledAtTheMinute()).isFalse();
            assertThat(result.endToEndFirstMinute().count()).isEqualTo(1);
            assertThat(result.stackCpuMillisPerTicketFirstMinute()).isNull();
            assertThat(result.stackCpuMillisPerTicketAfterwards()).isNull();
        }
    }

    @Test
    void aMeasurementOfAMinuteOrLessIsNotSplit() {
        Instant now = Instant.now();
        try (FirstMinuteSplit split = new FirstMinuteSplit(() -> usage(1), now, Duration.ofSeconds(60))) {
            split.record(now.toEpochMilli(), now.toEpochMilli() + 1);

            assertThat(split.splits()).isFalse();
            assertThat(split.result(usage(0), usage(5))).isNull();
        }
    }

    /** CPU seconds so far: the stack's, and ten times as much of the benchmark's own, which no figure counts. */
    private static Map<String, ProcessSampler.Usage> usage(double stackCpuSeconds) {
        return Map.of("intake", new ProcessSampler.Usage(stackCpuSeconds, 0, 1),
                "bench", new ProcessSampler.Usage(stackCpuSeconds * 10, 0, 1));
    }
}

package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstMinuteSplitTest {

    private static final Instant NOW = Instant.now();
    private static final ProcessSampler NO_SAMPLES = new ProcessSampler(java.nio.file.Path.of("/nonexistent"));

    @Test
    void eachTicketCountsOnTheSideOfItsReceivedAtAndTheCpuOnTheSideOfItsSample() {
        try (FirstMinuteSplit split = new FirstMinuteSplit(NO_SAMPLES, NOW.minusSeconds(30), Duration.ofSeconds(120))) {
            long endsAt = NOW.plusSeconds(30).toEpochMilli();
            split.record(endsAt - 1, 900_000);
            split.record(endsAt - 2, 700_000);
            split.record(endsAt, 100_000);

            PipelineResult.FirstMinute result = split.result(usage(0), usage(12));

            assertThat(split.splits()).isTrue();
            assertThat(result.endToEndFirstMinute().count()).isEqualTo(2);
            assertThat(result.endToEndFirstMinute().maxMs()).isCloseTo(900, within(1.0));
            assertThat(result.endToEndAfterwards().count()).isEqualTo(1);
            assertThat(result.ticketsFirstMinute()).isEqualTo(2);
            assertThat(result.ticketsAfterwards()).isEqualTo(1);
            // No sample at the end of the first minute yet: all 12 CPU seconds fall on the first minute's side.
            assertThat(result.stackCpuMillisPerTicketFirstMinute()).isCloseTo(6_000, within(0.1));
            assertThat(result.stackCpuMillisPerTicketAfterwards()).isZero();
        }
    }

    @Test
    void aMeasurementOfAMinuteOrLessIsNotSplit() {
        try (FirstMinuteSplit split = new FirstMinuteSplit(NO_SAMPLES, NOW, Duration.ofSeconds(60))) {
            split.record(NOW.toEpochMilli(), 1_000);

            assertThat(split.splits()).isFalse();
            assertThat(split.result(usage(0), usage(5))).isNull();
        }
    }

    /** The stack's CPU seconds so far; the benchmark's own CPU is left out of the figures. */
    private static Map<String, ProcessSampler.Usage> usage(double stackCpuSeconds) {
        return Map.of("intake", new ProcessSampler.Usage(stackCpuSeconds, 0, 1),
                "bench", new ProcessSampler.Usage(stackCpuSeconds * 10, 0, 1));
    }
}

package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToTenThousandMilliseconds() {
        Histogram micros = LatencySummary.newMicrosHistogram();
        LongStream.rangeClosed(1, 10_000).forEach(ms -> LatencySummary.record(micros, ms * 1000));
        LatencySummary summary = LatencySummary.ofMicros(micros);
        assertThat(summary.count()).isEqualTo(10_000);
        assertThat(summary.p50Ms()).isCloseTo(5000, within(5.0));
        assertThat(summary.p99Ms()).isCloseTo(9900, within(10.0));
        assertThat(summary.p999Ms()).isCloseTo(9990, within(10.0));
        assertThat(summary.maxMs()).isCloseTo(10_000, within(10.0));
    }

    @Test
    void aNegativeLatencyFromClockSkewCountsAsZero() {
        Histogram micros = LatencySummary.newMicrosHistogram();
        LatencySummary.record(micros, -3000);
        assertThat(LatencySummary.ofMicros(micros).maxMs()).isZero();
    }

    @Test
    void nothingRecordedIsAnEmptySummary() {
        assertThat(LatencySummary.ofMicros(LatencySummary.newMicrosHistogram())).isEqualTo(LatencySummary.EMPTY);
    }

    @Test
    void timelinePercentileIsTheNearestRank() {
        assertThat(Timeline.percentile(List.of(5L, 1L, 3L, 2L, 4L), 50)).isEqualTo(3);
        assertThat(Timeline.percentile(List.of(5L, 1L, 3L, 2L, 4L), 99)).isEqualTo(5);
        assertThat(Timeline.percentile(List.of(), 99)).isNaN();
    }

    @Test
    void timelineCountsPerSecondFromTheStart() {
        Timeline timeline = new Timeline(10_000, 3);
        timeline.accepted(10_000);
        timeline.accepted(10_999);
        timeline.accepted(12_500);
        timeline.accepted(13_000);
        timeline.logged(11_000);
        assertThat(timeline.acceptedPerSecond()).containsExactly(2, 0, 1);
        assertThat(timeline.loggedPerSecond()).containsExactly(0, 1, 0);
        assertThat(timeline.activeSeconds()).isEqualTo(3);
    }

    @Test
    void timelineIsActiveUpToTheLastSecondWithTraffic() {
        Timeline timeline = new Timeline(0, 10);
        timeline.logged(3_500);
        assertThat(timeline.activeSeconds()).isEqualTo(4);
    }
}

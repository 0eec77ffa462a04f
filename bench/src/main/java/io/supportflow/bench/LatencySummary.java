package io.supportflow.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency distribution, in milliseconds. */
record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** @param micros a histogram of microseconds */
    static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()), Math.round(micros.getMean()) / 1000d);
    }

    /** A histogram for latencies from 1 µs to one hour at three significant digits. */
    static Histogram newMicrosHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    /** Records a latency, clamping negative values (clock skew between processes) to zero. */
    static void record(Histogram micros, long latencyMicros) {
        micros.recordValue(Math.min(Math.max(0, latencyMicros), micros.getHighestTrackableValue()));
    }

    private static double millis(long micros) {
        return micros / 1000d;
    }
}

package io.supportflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-second figures of a run, counted from its start: how many tickets and how late they were. */
final class Timeline {

    private final long startMillis;
    private final int seconds;
    private final long[] accepted;
    private final long[] logged;
    private final List<List<Long>> e2eMillisByReceivedSecond = new ArrayList<>();

    Timeline(long startMillis, int seconds) {
        this.startMillis = startMillis;
        this.seconds = seconds;
        this.accepted = new long[seconds];
        this.logged = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            e2eMillisByReceivedSecond.add(new ArrayList<>());
        }
    }

    void accepted(long atMillis) {
        bucket(atMillis, accepted);
    }

    void logged(long atMillis) {
        bucket(atMillis, logged);
    }

    void endToEnd(long receivedAtMillis, long latencyMillis) {
        int second = second(receivedAtMillis);
        if (second >= 0 && second < seconds) {
            e2eMillisByReceivedSecond.get(second).add(latencyMillis);
        }
    }

    long[] acceptedPerSecond() {
        return accepted.clone();
    }

    long[] loggedPerSecond() {
        return logged.clone();
    }

    /** The given percentile of the end-to-end latency of the tickets received in each second; NaN when none. */
    double[] endToEndPercentile(double percentile) {
        double[] values = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            values[i] = percentile(e2eMillisByReceivedSecond.get(i), percentile);
        }
        return values;
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double percentile(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Seconds up to the last one in which anything was accepted or logged. */
    int activeSeconds() {
        int last = 0;
        for (int i = 0; i < seconds; i++) {
            if (accepted[i] > 0 || logged[i] > 0) {
                last = i + 1;
            }
        }
        return last;
    }

    private void bucket(long atMillis, long[] counts) {
        int second = second(atMillis);
        if (second >= 0 && second < seconds) {
            counts[second]++;
        }
    }

    private int second(long atMillis) {
        return (int) Math.floorDiv(atMillis - startMillis, 1000L);
    }
}

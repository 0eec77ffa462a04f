package io.supportflow.bench;

/**
 * When each request of an open-loop run is due: request {@code i} at {@code start + i / rate}, whether
 * or not earlier ones have been answered. Latency is measured from this time, not from the moment the
 * request actually left, so a stalled server cannot hide its stall (no coordinated omission).
 */
record OpenLoopSchedule(long startNanos, double ratePerSecond) {

    OpenLoopSchedule {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, not " + ratePerSecond);
        }
    }

    long dueNanos(long index) {
        return startNanos + Math.round(index * 1_000_000_000d / ratePerSecond);
    }

    /** How many requests are due by {@code endNanos} (exclusive). */
    long requestsBefore(long endNanos) {
        if (endNanos <= startNanos) {
            return 0;
        }
        return (long) Math.ceil((endNanos - startNanos) * ratePerSecond / 1_000_000_000d);
    }
}

package io.supportflow.runtime.ratelimit;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/** The service's clock as Bucket4j's time, so that tests can move the buckets' time with it. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}

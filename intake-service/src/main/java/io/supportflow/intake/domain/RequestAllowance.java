package io.supportflow.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket: holds at most {@code burst} requests and refills at {@code perSecond}. Each
 * request takes one token; when none is left, the answer says how long until the next one.
 * Not thread-safe on its own: {@link RequestLimits} serialises access per key.
 */
final class RequestAllowance {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant refilledAt;

    RequestAllowance(double perSecond, int burst, Instant now) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a request limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Empty when the request may go ahead; otherwise how long the caller should wait. */
    Optional<Duration> take(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        double secondsToNextToken = (1 - tokens) / perSecond;
        return Optional.of(Duration.ofNanos((long) Math.ceil(secondsToNextToken * 1_000_000_000L)));
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * perSecond);
            refilledAt = now;
        }
    }
}

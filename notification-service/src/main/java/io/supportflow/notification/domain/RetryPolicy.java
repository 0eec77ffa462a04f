package io.supportflow.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential backoff between attempts, capped, until the give-up time. */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff) {

    /** How long to wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration backoffAfter(int attempts) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }

    /** When to try again after a failure at {@code now}; empty when the notification is to be given up. */
    public Optional<Instant> nextAttempt(int attempts, Instant now, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoffAfter(attempts)));
    }
}

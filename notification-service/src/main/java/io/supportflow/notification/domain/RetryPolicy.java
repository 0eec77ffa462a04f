package io.supportflow.notification.domain;

import java.time.Instant;
import java.util.Optional;

import io.supportflow.runtime.retry.Backoff;

/** A refused message is tried again after the backoff of its attempt, until its give-up time. */
public record RetryPolicy(Backoff backoff) {

    /** When to try again after the {@code attempts}-th failure, at {@code now}; empty when the message is given up. */
    public Optional<Instant> nextAttempt(int attempts, Instant now, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff.after(attempts)));
    }
}

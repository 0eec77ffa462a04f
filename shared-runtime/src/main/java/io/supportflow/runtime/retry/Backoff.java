package io.supportflow.runtime.retry;

import java.time.Duration;

/** Exponential backoff: the first wait, doubled after each further failure, never longer than the cap. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a backoff needs a positive first wait no longer than its cap");
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    public Duration after(int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}

package io.supportflow.runtime.messaging;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.supportflow.events.UnreadableEventException;

/**
 * Runs a record's handler again when it fails, waiting longer each time, before the failure goes
 * on to the channel's failure strategy (the dead-letter topic). Most failures of a readable record
 * pass (the database or the broker away for a moment); one that does not costs the retry budget
 * before it reaches the dead-letter topic. A record that cannot be read never gets better: it fails
 * at once. Plain Java, so the policy is tested without a container.
 */
public final class TransientFailureRetry {

    /** Waits between attempts; the interceptor sleeps, tests record. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** Told about each failed attempt that will be retried. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int failedAttempt, Duration backoff, Exception failure);
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public TransientFailureRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public <T> T call(Callable<T> handler, Pause pause, RetryListener listener) throws Exception {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return handler.call();
            } catch (Exception failure) {
                if (attempt >= maxAttempts || isUnreadable(failure)) {
                    throw failure;
                }
                listener.retrying(attempt, backoff, failure);
                pause.pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /** Anywhere in the cause chain: a handler may wrap it (a transaction rolled back because of it, say). */
    static boolean isUnreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEventException) {
                return true;
            }
        }
        return false;
    }
}

package io.supportflow.runtime.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.retry.Backoff;

/**
 * Runs a record's handler again when it fails, with growing pauses, before the failure goes to the
 * dead-letter topic. An unreachable database is waited for past the attempt budget: a valid record must not
 * be dead-lettered because PostgreSQL took a minute to come back; an unreadable record fails at once.
 */
public final class TransientFailureRetry {

    /** Waits between attempts; consumers sleep, tests record. */
    @FunctionalInterface
    public interface Pause {

        /** Sleeps, keeping the thread's interrupt (a shutdown) visible to the connector after the retry gives up. */
        Pause SLEEP = backoff -> {
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        };

        void pause(Duration duration) throws InterruptedException;
    }

    /** Told about each failed attempt that will be retried. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int failedAttempt, Duration backoff, Exception failure);
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration databaseAwayBudget;
    private final LongSupplier nanoTime;

    /**
     * @param databaseAwayBudget how long, from the first failure, an unreachable database is waited for
     * @param nanoTime           a monotonic clock ({@code System::nanoTime}): the budget counts the failed
     *                           attempts' own time too, which grows while connections time out
     */
    public TransientFailureRetry(int maxAttempts, Backoff backoff, Duration databaseAwayBudget, LongSupplier nanoTime) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.databaseAwayBudget = databaseAwayBudget;
        this.nanoTime = nanoTime;
    }

    /** The policy configured for this service's consumers. */
    public static TransientFailureRetry configuredBy(ConsumerRetryConfig config) {
        return new TransientFailureRetry(config.maxAttempts(), new Backoff(config.initialBackoff(), config.maxBackoff()),
                config.databaseAwayBudget(), System::nanoTime);
    }

    public <T> T call(Callable<T> handler, Pause pause, RetryListener listener) throws Exception {
        long firstFailure = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return handler.call();
            } catch (Exception failure) {
                if (attempt == 1) {
                    firstFailure = nanoTime.getAsLong();
                }
                Duration wait = backoff.after(attempt);
                Duration failingAfterNextPause = Duration.ofNanos(nanoTime.getAsLong() - firstFailure).plus(wait);
                if (!worthRetrying(failure, attempt, failingAfterNextPause)) {
                    throw failure;
                }
                listener.retrying(attempt, wait, failure);
                pause.pause(wait);
            }
        }
    }

    /**
     * Like {@link #call}, but a failure because the database cannot be reached is never given up: each time
     * the database-away budget runs out, {@code stillAway} is told and the handler is retried with a fresh
     * budget, until it succeeds, fails for another reason, or the thread is interrupted (a shutdown).
     */
    public <T> T callUntilTheDatabaseAnswers(Callable<T> handler, Pause pause, RetryListener listener,
                                             Consumer<Exception> stillAway) throws Exception {
        while (true) {
            try {
                return call(handler, pause, listener);
            } catch (Exception failure) {
                if (!isDatabaseUnreachable(failure) || Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                stillAway.accept(failure);
            }
        }
    }

    private boolean worthRetrying(Exception failure, int attempt, Duration failingAfterNextPause) {
        if (isUnreadable(failure)) {
            return false;
        }
        return attempt < maxAttempts
                || isDatabaseUnreachable(failure) && failingAfterNextPause.compareTo(databaseAwayBudget) <= 0;
    }

    /**
     * No connection to the database: SQLSTATE class 08 (connection exception) or 57P (the server
     * shutting down, crashed or still starting), or a connection refused, anywhere in the cause chain.
     */
    public static boolean isDatabaseUnreachable(Throwable failure) {
        if (hasSqlState(failure, "08", "57P")) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a database error anywhere in the cause chain has a SQLSTATE starting with one of {@code prefixes}. */
    public static boolean hasSqlState(Throwable failure, String... prefixes) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && Arrays.stream(prefixes).anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
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

package io.supportflow.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.retry.Backoff;

class TransientFailureRetryTest {

    /** Time on the fake clock: pauses and slow attempts advance it. */
    private final AtomicLong nanos = new AtomicLong();
    private final TransientFailureRetry retry = new TransientFailureRetry(5,
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(300)), Duration.ofSeconds(2), nanos::get);
    private final List<Duration> pauses = new ArrayList<>();
    private final List<Integer> retriedAttempts = new ArrayList<>();

    private <T> T run(Callable<T> handler) throws Exception {
        return retry.call(handler, pause -> {
            pauses.add(pause);
            nanos.addAndGet(pause.toNanos());
        }, (attempt, backoff, failure) -> retriedAttempts.add(attempt));
    }

    @Test
    void aHandlerThatFailsTwiceIsRunAThirdTimeAndItsResultReturned() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String result = run(() -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away",
                        new SQLTransientConnectionException("connection refused"));
            }
            return "processed";
        });

        assertThat(result).isEqualTo("processed");
        assertThat(calls).hasValue(3);
        assertThat(retriedAttempts).containsExactly(1, 2);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void theBackoffDoublesUpToItsMaximumAndTheLastFailureGoesOn() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still away");
        })).isInstanceOf(IllegalStateException.class).hasMessage("still away");

        assertThat(calls).hasValue(5);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void anUnreadableRecordFailsAtOnceEvenWhenWrapped() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> run(() -> {
            calls.incrementAndGet();
            throw new RuntimeException("rolled back", new UnreadableEventException("not JSON"));
        })).hasRootCauseInstanceOf(UnreadableEventException.class);

        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void whileTheDatabaseCannotBeReachedTheHandlerIsRetriedPastTheAttemptBudget() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String result = run(() -> {
            if (calls.incrementAndGet() <= 7) {
                throw new IllegalStateException("Cannot record processed event",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
            return "processed";
        });

        assertThat(result).isEqualTo("processed");
        assertThat(calls).hasValue(8);
        assertThat(pauses).hasSize(7);
    }

    @Test
    void theDatabaseAwayBudgetEndsTheRetriesOfAnUnreachableDatabase() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> run(() -> {
            calls.incrementAndGet();
            throw new SQLException("terminating connection due to administrator command", "57P01");
        })).isInstanceOf(SQLException.class);

        // 100 + 200 + 300 × 5 = 1.8 s waited; one more 300 ms pause would pass the 2 s budget.
        assertThat(calls).hasValue(8);
        assertThat(pauses.stream().map(Duration::toMillis).reduce(0L, Long::sum)).isEqualTo(1800);
    }

    @Test
    void theTimeOfSlowFailingAttemptsCountsAgainstTheDatabaseAwayBudget() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> run(() -> {
            calls.incrementAndGet();
            nanos.addAndGet(Duration.ofMillis(400).toNanos());
            throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        })).isInstanceOf(SQLException.class);

        // Each attempt spends 400 ms failing to connect: the budget ends after 5 attempts, not 8.
        assertThat(calls).hasValue(5);
    }

    @Test
    void onlyConnectionFailuresCountAsAnUnreachableDatabase() {
        assertThat(TransientFailureRetry.isDatabaseUnreachable(
                new RuntimeException("rolled back", new SQLException("I/O error", "08006")))).isTrue();
        assertThat(TransientFailureRetry.isDatabaseUnreachable(
                new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientFailureRetry.isDatabaseUnreachable(
                new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailureRetry.isDatabaseUnreachable(
                new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(TransientFailureRetry.isDatabaseUnreachable(
                new SQLException("database is not currently accepting connections", "55000"))).isFalse();
    }

    @Test
    void aDatabaseAwayPastTheBudgetIsRetriedWithAFreshBudgetUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Exception> budgetsSpent = new ArrayList<>();

        String result = runUntilTheDatabaseAnswers(() -> {
            if (calls.incrementAndGet() <= 20) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            return "processed";
        }, budgetsSpent::add);

        // 100 + 200 + 300 ms ... : a 2 s budget lasts 8 attempts, so 20 failures spend two budgets.
        assertThat(result).isEqualTo("processed");
        assertThat(calls).hasValue(21);
        assertThat(budgetsSpent).hasSize(2).allSatisfy(failure -> assertThat(failure).isInstanceOf(SQLException.class));
    }

    @Test
    void untilTheDatabaseAnswersAnotherFailureIsStillGivenUpAfterTheAttempts() {
        AtomicInteger calls = new AtomicInteger();
        List<Exception> budgetsSpent = new ArrayList<>();

        assertThatThrownBy(() -> runUntilTheDatabaseAnswers(() -> {
            calls.incrementAndGet();
            throw new SQLException("duplicate key value violates unique constraint", "23505");
        }, budgetsSpent::add)).isInstanceOf(SQLException.class);

        assertThat(calls).hasValue(5);
        assertThat(budgetsSpent).isEmpty();
    }

    @Test
    void untilTheDatabaseAnswersAShutdownEndsTheRetries() {
        AtomicInteger calls = new AtomicInteger();
        TransientFailureRetry.Pause interruptedAtTheTenthPause = pause -> {
            if (pauses.size() == 9) {
                throw new InterruptedException("shutting down");
            }
            pauses.add(pause);
            nanos.addAndGet(pause.toNanos());
        };

        assertThatThrownBy(() -> retry.callUntilTheDatabaseAnswers(() -> {
            calls.incrementAndGet();
            throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        }, interruptedAtTheTenthPause, (attempt, backoff, failure) -> { }, failure -> { }))
                .isInstanceOf(InterruptedException.class);

        // 8 attempts spend the first budget, without a pause after the last; the second budget's third pause is the tenth.
        assertThat(calls).hasValue(11);
    }

    private <T> T runUntilTheDatabaseAnswers(Callable<T> handler,
                                             Consumer<Exception> stillAway) throws Exception {
        return retry.callUntilTheDatabaseAnswers(handler, pause -> {
            pauses.add(pause);
            nanos.addAndGet(pause.toNanos());
        }, (attempt, backoff, failure) -> retriedAttempts.add(attempt), stillAway);
    }
}

package io.supportflow.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.supportflow.events.UnreadableEventException;

class TransientFailureRetryTest {

    private final TransientFailureRetry retry = new TransientFailureRetry(5, Duration.ofMillis(100), Duration.ofMillis(300));
    private final List<Duration> pauses = new ArrayList<>();
    private final List<Integer> retriedAttempts = new ArrayList<>();

    private <T> T run(java.util.concurrent.Callable<T> handler) throws Exception {
        return retry.call(handler, pauses::add, (attempt, backoff, failure) -> retriedAttempts.add(attempt));
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
}

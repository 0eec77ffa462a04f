package io.supportflow.runtime.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketExceptions;
import io.supportflow.testing.MutableClock;

class KeyedRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final KeyedRateLimiter<String> limiter = KeyedRateLimiter.inMemory(
            key -> Bandwidth.builder().capacity(key.equals("wide") ? 5 : 2).refillGreedy(1, Duration.ofSeconds(1)).build(),
            Duration.ofMinutes(10), clock);

    @BeforeEach
    void standStill() {
        clock.set(Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void keyMayUseItsBurstThenWaitsForTheNextToken() {
        assertThat(limiter.take("chat")).isEmpty();
        assertThat(limiter.take("chat")).isEmpty();

        assertThat(limiter.take("chat")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.take("chat")).isEmpty();
    }

    @Test
    void eachKeyHasItsOwnBucketAndLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take("wide")).isEmpty();
        }
        assertThat(limiter.take("wide")).isPresent();
        assertThat(limiter.take("phone")).isEmpty();
    }

    @Test
    void checkTakesNothing() {
        assertThat(limiter.check("web")).isEmpty();
        limiter.take("web");
        assertThat(limiter.check("web")).isEmpty();
        limiter.take("web");

        assertThat(limiter.check("web")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check("web")).isEmpty();
        assertThat(limiter.check("web")).isEmpty();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(KeyedRateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(KeyedRateLimiter.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(KeyedRateLimiter.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
    }

    @Test
    void aBucketThatCannotBeReadLetsTheRequestThrough() {
        KeyedRateLimiter<String> databaseAway = new KeyedRateLimiter<>(key -> {
            throw new BucketExceptions.BucketExecutionException(new SQLException("This connection has been closed."));
        }, Duration.ofMinutes(1));

        // What waiting requests get when the round trip they shared failed (Bucket4j's batching of a delayed sync).
        KeyedRateLimiter<String> sharedRoundTripFailed = new KeyedRateLimiter<>(key -> {
            throw new IllegalStateException("Batch failed", new SQLException("This connection has been closed."));
        }, Duration.ofMinutes(1));

        assertThat(databaseAway.take("web")).isEmpty();
        assertThat(databaseAway.check("web")).isEmpty();
        assertThat(sharedRoundTripFailed.take("web")).isEmpty();
    }
}

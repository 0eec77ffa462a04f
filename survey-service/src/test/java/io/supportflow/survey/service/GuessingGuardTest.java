package io.supportflow.survey.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.testing.MutableClock;

class GuessingGuardTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final int MAX_MISSES = 3;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock();
    private final GuessingGuard guard = new GuessingGuard(new Limit(), clock);

    @Test
    void aClientIsRefusedOnceItsMissesAreSpentAndAnsweredAgainAWindowAfterItsFirstMiss() {
        clock.set(T0);
        guard.recordMiss("a");
        clock.set(T0.plusSeconds(20));
        guard.recordMiss("a");
        clock.set(T0.plusSeconds(21));
        assertThat(guard.retryAfter("a")).isEmpty();

        clock.set(T0.plusSeconds(40));
        guard.recordMiss("a");

        clock.set(T0.plusSeconds(41));
        assertThat(guard.retryAfter("a")).contains(Duration.ofSeconds(19));
        assertThat(guard.retryAfter("b")).isEmpty();
        clock.set(T0.plusSeconds(60));
        assertThat(guard.retryAfter("a")).isEmpty();
    }

    @Test
    void aClientGuessingAsFastAsItMayMissesAtMostTheLimitInAnyWindow() {
        List<Instant> misses = new ArrayList<>();
        for (Instant now = T0; now.isBefore(T0.plus(WINDOW.multipliedBy(5))); now = now.plusSeconds(1)) {
            clock.set(now);
            if (guard.retryAfter("guesser").isEmpty()) {
                guard.recordMiss("guesser");
                misses.add(now);
            }
        }

        assertThat(misses).hasSize(5 * MAX_MISSES);
        for (Instant start : misses) {
            assertThat(misses).filteredOn(miss -> !miss.isBefore(start) && miss.isBefore(start.plus(WINDOW)))
                    .as("misses in the window from %s", start).hasSizeLessThanOrEqualTo(MAX_MISSES);
        }
    }

    private static final class Limit implements SurveyConfig.Guessing {

        @Override
        public int maxMisses() {
            return MAX_MISSES;
        }

        @Override
        public Duration window() {
            return WINDOW;
        }
    }
}

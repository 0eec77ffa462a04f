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
    void aClientIsRefusedOnceItsBurstIsSpentAndAnsweredAgainWhenAMissHasComeBack() {
        clock.set(T0);
        guard.recordMiss("a");
        guard.recordMiss("a");
        guard.recordMiss("a");

        Duration wait = guard.retryAfter("a").orElseThrow();
        assertThat(wait).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(guard.retryAfter("b")).isEmpty();
        clock.set(T0.plus(wait));
        assertThat(guard.retryAfter("a")).isEmpty();
    }

    @Test
    void aClientGuessingAsFastAsItMayMissesAtMostTheLimitInAnyWindow() {
        List<Instant> misses = guessWheneverAnswered("guesser", T0, WINDOW.multipliedBy(5));

        assertThat(misses).hasSizeGreaterThanOrEqualTo(5 * (MAX_MISSES / 2));
        assertAtMostTheLimitInAnyWindow(misses);
    }

    @Test
    void aClientSavingItsMissesForTheRefillStillMissesAtMostTheLimitInAnyWindow() {
        clock.set(T0);
        guard.recordMiss("saver");
        List<Instant> misses = new ArrayList<>(List.of(T0));
        for (int window = 1; window <= 3; window++) {
            misses.addAll(guessWheneverAnswered("saver", T0.plus(WINDOW.multipliedBy(window)).minusSeconds(1),
                    Duration.ofSeconds(2)));
        }

        assertThat(misses).hasSizeGreaterThan(MAX_MISSES);
        assertAtMostTheLimitInAnyWindow(misses);
    }

    /** Each second from {@code from}, as many unknown tokens as the guard still answers. */
    private List<Instant> guessWheneverAnswered(String client, Instant from, Duration during) {
        List<Instant> misses = new ArrayList<>();
        for (Instant now = from; now.isBefore(from.plus(during)); now = now.plusSeconds(1)) {
            clock.set(now);
            while (guard.retryAfter(client).isEmpty()) {
                guard.recordMiss(client);
                misses.add(now);
            }
        }
        return misses;
    }

    private static void assertAtMostTheLimitInAnyWindow(List<Instant> misses) {
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

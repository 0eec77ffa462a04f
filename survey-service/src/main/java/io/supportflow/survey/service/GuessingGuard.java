package io.supportflow.survey.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.supportflow.runtime.ratelimit.KeyedRateLimiter;
import io.supportflow.runtime.ratelimit.SharedRateLimits;
import io.supportflow.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Slows token guessing: each unknown token a client asks for takes one of its misses, and a client with none
 * left is refused for every survey, known or not, until they come back: answering a right guess differently
 * would keep the oracle open.
 */
@ApplicationScoped
public class GuessingGuard {

    private final KeyedRateLimiter<String> misses;

    /** The misses are counted in survey's database, so that every instance of survey counts the same. */
    @Inject
    GuessingGuard(SurveyConfig config, SharedRateLimits shared) {
        Bandwidth perClient = perClient(config.guessing());
        this.misses = shared.limiter("survey-misses", client -> perClient, client -> client,
                config.guessing().window());
    }

    /** This JVM's count alone, on {@code clock}: the limit's arithmetic, tested without a database. */
    GuessingGuard(SurveyConfig.Guessing limit, Clock clock) {
        Bandwidth perClient = perClient(limit);
        // A bucket idle for a window is full again, so forgetting it then gives no one more misses.
        this.misses = KeyedRateLimiter.inMemory(client -> perClient, limit.window(), clock);
    }

    /**
     * A sliding-window bound from a token bucket: a burst of half the misses plus the other half refilled evenly
     * over the window, so no window of any start holds more than maxMisses. (Refilling all misses at once each
     * window would let a client that saved them up spend nearly twice as many around the refill.)
     */
    private static Bandwidth perClient(SurveyConfig.Guessing limit) {
        int refilledPerWindow = limit.maxMisses() / 2;
        return Bandwidth.builder()
                .capacity(limit.maxMisses() - refilledPerWindow)
                .refillGreedy(refilledPerWindow, limit.window())
                .build();
    }

    /** How long {@code client} must wait before it is answered again; empty when it may ask now. */
    public Optional<Duration> retryAfter(String client) {
        return misses.check(client);
    }

    public void recordMiss(String client) {
        misses.take(client);
    }
}

package io.supportflow.survey.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.supportflow.runtime.ratelimit.KeyedRateLimiter;
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

    @Inject
    GuessingGuard(SurveyConfig config, Clock clock) {
        this(config.guessing(), clock);
    }

    GuessingGuard(SurveyConfig.Guessing limit, Clock clock) {
        // Refilled all at once, a window after the client's first miss and every window after, so a client
        // guessing as fast as it may makes at most maxMisses in any window. A greedy refill hands one miss back
        // every window/maxMisses: a client that spent all its misses at once could make nearly twice as many
        // before the window is over.
        Bandwidth perClient = Bandwidth.builder()
                .capacity(limit.maxMisses())
                .refillIntervally(limit.maxMisses(), limit.window())
                .build();
        // A bucket idle for a window is full again, so forgetting it then gives no one more misses.
        this.misses = new KeyedRateLimiter<>(client -> perClient, limit.window(), clock);
    }

    /** How long {@code client} must wait before it is answered again; empty when it may ask now. */
    public Optional<Duration> retryAfter(String client) {
        return misses.check(client);
    }

    public void recordMiss(String client) {
        misses.take(client);
    }
}

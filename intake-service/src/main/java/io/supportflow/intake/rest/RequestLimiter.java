package io.supportflow.intake.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import io.github.bucket4j.Bandwidth;
import io.supportflow.events.Channel;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.ratelimit.KeyedRateLimiter;
import io.supportflow.runtime.ratelimit.SharedRateLimits;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Ends a request with 429 and Retry-After when its API key has used up its allowance: a token bucket per key, kept
 * in intake's database so that every instance of intake draws on the same allowance.
 */
@ApplicationScoped
public class RequestLimiter {

    private final KeyedRateLimiter<Channel> limits;

    @Inject
    RequestLimiter(IntakeConfig config, SharedRateLimits shared) {
        IntakeConfig.RequestLimits settings = config.requestLimits();
        this.limits = shared.limiter("intake-requests", channel -> bandwidthOf(limitOf(settings, channel)),
                Channel::name, longestRefill(settings));
    }

    /** This JVM's buckets alone, on {@code clock}: the limits' arithmetic, tested without a database. */
    RequestLimiter(IntakeConfig.RequestLimits settings, Clock clock) {
        this.limits = KeyedRateLimiter.inMemory(channel -> bandwidthOf(limitOf(settings, channel)),
                longestRefill(settings), clock);
    }

    /**
     * Completes when the request of {@code channel}'s key may go ahead, or fails with 429. The bucket is taken from
     * on a worker thread, since it may ask the database, and the answer comes back on the request's own context:
     * the event loop that serves the request never waits for the database.
     */
    public CompletionStage<Void> admit(Channel channel) {
        Context context = Vertx.currentContext();
        if (context == null) {
            take(channel);
            return CompletableFuture.completedFuture(null);
        }
        return context.<Void>executeBlocking(() -> {
            take(channel);
            return null;
        }, false).toCompletionStage();
    }

    private void take(Channel channel) {
        limits.take(channel).ifPresent(wait -> {
            throw tooManyRequests(channel, wait);
        });
    }

    private static IntakeConfig.Limit limitOf(IntakeConfig.RequestLimits settings, Channel channel) {
        return settings.keys().getOrDefault(channel, settings.defaultLimit());
    }

    /**
     * The burst at once, refilled at {@code perSecond} spread evenly. The rate is written as whole tokens per a
     * power of ten of seconds (0.001/s: 1 per 1,000 s; 2.5/s: 25 per 10 s), so that the period is exact; past
     * nine decimals the rate is rounded to them.
     */
    static Bandwidth bandwidthOf(IntakeConfig.Limit limit) {
        BigDecimal perSecond = BigDecimal.valueOf(limit.perSecond()).stripTrailingZeros();
        int decimals = Math.min(Math.max(0, perSecond.scale()), 9);
        long tokens = perSecond.movePointRight(decimals).setScale(0, RoundingMode.HALF_UP).longValueExact();
        Duration period = Duration.ofSeconds(BigDecimal.TEN.pow(decimals).longValueExact());
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(tokens, period).build();
    }

    /** A bucket is forgotten only once it would have filled up again, so forgetting it gives no key more. */
    private static Duration longestRefill(IntakeConfig.RequestLimits settings) {
        return Stream.concat(Stream.of(settings.defaultLimit()), settings.keys().values().stream())
                .map(limit -> Duration.ofMillis((long) Math.ceil(limit.burst() * 1000 / limit.perSecond())))
                .max(Duration::compareTo)
                .orElseThrow();
    }

    private static WebApplicationException tooManyRequests(Channel channel, Duration wait) {
        long retryAfterSeconds = KeyedRateLimiter.retryAfterSeconds(wait);
        Response problem = Problem.response(Response.Status.TOO_MANY_REQUESTS,
                "The " + channel + " API key has made too many requests; retry in " + retryAfterSeconds + " s");
        return new WebApplicationException(Response.fromResponse(problem)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build());
    }
}

package io.supportflow.runtime.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A Bucket4j token bucket per key (an API key's channel, a client's address), made on first use and forgotten
 * once a key has been idle for a while, so that many keys seen once do not pile up.
 *
 * @param <K> what requests are counted by
 */
public final class KeyedRateLimiter<K> {

    private final Function<K, Bandwidth> limitOf;
    private final TimeMeter time;
    private final Cache<K, Bucket> buckets;

    /**
     * @param limitOf     the limit of a key
     * @param forgetAfter how long a key's bucket is kept after its last use: at least the time its bucket
     *                    takes to fill up again, so that forgetting it gives no one more than the limit
     * @param clock       the time the buckets refill by
     */
    public KeyedRateLimiter(Function<K, Bandwidth> limitOf, Duration forgetAfter, Clock clock) {
        this.limitOf = limitOf;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(forgetAfter).build();
    }

    /** Takes one token of {@code key}'s bucket: empty when there was one, otherwise how long until there is. */
    public Optional<Duration> take(K key) {
        ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(waitOf(probe.getNanosToWaitForRefill()));
    }

    /** Like {@link #take}, but takes nothing: empty while {@code key} has a token left. */
    public Optional<Duration> check(K key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(waitOf(probe.getNanosToWaitForRefill()));
    }

    /** A wait as a Retry-After header's whole seconds, rounded up: a client that waits as told is answered. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    private Bucket bucketOf(K key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limitOf.apply(k)).withCustomTimePrecision(time).build());
    }

    private static Duration waitOf(long nanos) {
        return Duration.ofNanos(Math.max(1, nanos));
    }

    /** The service's clock, so that tests can move the buckets' time with it. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

package io.supportflow.runtime.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jboss.logging.Logger;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * A Bucket4j token bucket per key (an API key's channel, a client's address), made on first use and forgotten
 * once a key has been idle for a while, so that many keys seen once do not pile up. The buckets live in this JVM
 * ({@link #inMemory}) or in the service's database, shared by all its instances ({@link SharedRateLimits}).
 *
 * @param <K> what requests are counted by
 */
public final class KeyedRateLimiter<K> {

    private static final Logger LOG = Logger.getLogger(KeyedRateLimiter.class);
    private final Function<K, Bucket> newBucket;
    private final Cache<K, Bucket> buckets;

    /**
     * @param newBucket   makes the bucket of a key
     * @param forgetAfter how long a key's bucket is kept after its last use: at least the time its bucket
     *                    takes to fill up again, so that forgetting it gives no one more than the limit
     */
    KeyedRateLimiter(Function<K, Bucket> newBucket, Duration forgetAfter) {
        this.newBucket = newBucket;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(forgetAfter).build();
    }

    /**
     * Buckets of this JVM alone: each instance of a service allows the whole limit.
     *
     * @param limitOf the limit of a key
     * @param clock   the time the buckets refill by
     */
    public static <K> KeyedRateLimiter<K> inMemory(Function<K, Bandwidth> limitOf, Duration forgetAfter,
                                                   Clock clock) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        return new KeyedRateLimiter<>(
                key -> Bucket.builder().addLimit(limitOf.apply(key)).withCustomTimePrecision(time).build(),
                forgetAfter);
    }

    /**
     * Takes one token of {@code key}'s bucket: empty when there was one, otherwise how long until there is. A
     * bucket that cannot be read (its database away: Bucket4j reports it as its own execution exception, or, when
     * requests shared the failed round trip, as a failed batch) lets the request through: the limit protects the
     * service, and refusing everyone while its own table is unreachable would take the service down with it.
     */
    public Optional<Duration> take(K key) {
        try {
            ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty() : Optional.of(waitOf(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException unreadable) {
            return letThrough(key, unreadable);
        }
    }

    /** Like {@link #take}, but takes nothing: empty while {@code key} has a token left. */
    public Optional<Duration> check(K key) {
        try {
            EstimationProbe probe = bucketOf(key).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Optional.empty() : Optional.of(waitOf(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException unreadable) {
            return letThrough(key, unreadable);
        }
    }

    private Optional<Duration> letThrough(K key, RuntimeException unreadable) {
        LOG.warnf("The rate-limit bucket of %s cannot be read, letting the request through: %s", key,
                unreadable.getCause() != null ? unreadable.getCause().toString() : unreadable.toString());
        return Optional.empty();
    }

    /** A wait as a Retry-After header's whole seconds, rounded up: a client that waits as told is answered. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    private Bucket bucketOf(K key) {
        return buckets.get(key, newBucket);
    }

    private static Duration waitOf(long nanos) {
        return Duration.ofNanos(Math.max(1, nanos));
    }
}

package io.supportflow.runtime.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token buckets in the service's database (table {@code rate_limit_bucket}, Bucket4j's PostgreSQL backend, a row
 * locked per use), so that all instances of a service draw on one allowance: N instances do not allow N times the
 * limit. A bucket of a large limit is synchronised with its row every hundredth of its capacity or every 100 ms,
 * whichever comes first, so that a busy key costs the database a statement now and then rather than one per
 * request; an instance may then run ahead of the others by that hundredth. Small limits (a capacity under 100, as
 * survey's ten misses) are exact. A bucket's row outlives its last use until it would be full again, plus a
 * minute; rows past that are deleted every minute.
 */
@ApplicationScoped
public class SharedRateLimits {

    private static final Logger LOG = Logger.getLogger(SharedRateLimits.class);
    private static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);
    private static final Duration LONGEST_UNSYNCHRONISED = Duration.ofMillis(100);
    private static final int EXPIRED_ROWS_PER_ROUND = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
    private volatile BackgroundLoop cleanup = BackgroundLoop.disabled("rate-limit-cleanup");

    SharedRateLimits(AgroalDataSource dataSource, Clock clock) {
        this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
    }

    /**
     * A limiter whose buckets are shared by the service's instances.
     *
     * @param name        what is limited, unique in the service (the rows' prefix)
     * @param limitOf     the limit of a key
     * @param keyText     a key as text, unique among the keys of {@code name}
     * @param forgetAfter how long this instance keeps a key's bucket after its last use (its row stays longer)
     */
    public synchronized <K> KeyedRateLimiter<K> limiter(String name, Function<K, Bandwidth> limitOf,
                                                        Function<K, String> keyText, Duration forgetAfter) {
        if (!cleanup.isRunning()) {
            cleanup = BackgroundLoop.start(new BackgroundLoop.Settings("rate-limit-cleanup", 1, CLEAN_EVERY,
                    CLEAN_EVERY, Duration.ofSeconds(5)), this::removeExpired);
        }
        return new KeyedRateLimiter<>(key -> {
            Bandwidth limit = limitOf.apply(key);
            // A changed limit starts a bucket of its own rather than go on with the state of the old one.
            String id = name + ":" + keyText.apply(key) + ":" + limit.getCapacity() + "/" + limit.getRefillTokens()
                    + "/" + limit.getRefillPeriodNanos();
            return builderFor(limit).build(id, () -> BucketConfiguration.builder().addLimit(limit).build());
        }, forgetAfter);
    }

    private RemoteBucketBuilder<String> builderFor(Bandwidth limit) {
        long unsynchronised = limit.getCapacity() / 100;
        RemoteBucketBuilder<String> builder = rows.builder();
        return unsynchronised < 1 ? builder : builder.withOptimization(
                Optimizations.delaying(new DelayParameters(unsynchronised, LONGEST_UNSYNCHRONISED)));
    }

    private BackgroundLoop.Outcome removeExpired() {
        int removed = rows.removeExpired(EXPIRED_ROWS_PER_ROUND);
        if (removed > 0) {
            LOG.debugf("Removed %d expired rate-limit buckets", removed);
        }
        return BackgroundLoop.Outcome.after(removed, EXPIRED_ROWS_PER_ROUND);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        cleanup.stop();
    }
}

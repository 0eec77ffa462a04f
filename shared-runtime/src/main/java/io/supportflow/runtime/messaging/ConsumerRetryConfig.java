package io.supportflow.runtime.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often a consumer retries a record whose handler failed for a passing reason. The attempts, and
 * the database-away budget after which an unreachable database is logged as an error and retried on,
 * stay under the Kafka connector's {@code throttled.unprocessed-record-max-age.ms} (set to 4 min in
 * shared-runtime's {@code META-INF/microprofile-config.properties}), after which the connector reports
 * the channel stuck: an outage is logged before the health check goes down.
 */
@ConfigMapping(prefix = "supportflow.consumer-retry")
public interface ConsumerRetryConfig {

    /** Attempts in all, the first included; the last failure goes to the dead-letter topic. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failure; it doubles each time. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How long, from a record's first failure, "no connection to the database" is retried past the attempts
     * before an error is logged; the retries then go on with a fresh budget, for as long as the outage lasts.
     */
    @WithDefault("3m")
    Duration databaseAwayBudget();
}

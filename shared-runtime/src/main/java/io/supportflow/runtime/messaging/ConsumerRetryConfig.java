package io.supportflow.runtime.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often a consumer retries a record whose handler failed for a passing reason. The whole
 * budget (about 16 s by default) stays under the Kafka connector's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s), after which it reports the channel unhealthy.
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
}

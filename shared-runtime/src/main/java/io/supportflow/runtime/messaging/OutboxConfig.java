package io.supportflow.runtime.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "supportflow.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code ce_source} of this service's events. */
    @WithName("source")
    @WithDefault("/supportflow/${quarkus.application.name}")
    String source();

    /** How often the relay looks for unsent events when nothing woke it. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Most events published in one round. */
    @WithDefault("500")
    int batchSize();

    /** How long to wait for the broker's acknowledgement before retrying a round. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Sent events are kept this long for inspection, then deleted. */
    @WithDefault("P1D")
    Duration retention();
}

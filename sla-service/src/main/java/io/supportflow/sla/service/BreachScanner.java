package io.supportflow.sla.service;

import java.time.Duration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.sla.config.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Looks for clocks whose alarm rang every scanner interval, and goes on at once while full batches are due.
 * Several workers, and several instances, may scan one database: claiming skips rows another worker holds,
 * so while one worker writes its batch the next batch is already being claimed.
 */
@ApplicationScoped
public class BreachScanner {

    private static final String NAME = "sla-breach-scanner";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final SlaClocks clocks;
    private final SlaConfig.Scanner config;
    private volatile BackgroundLoop loop = BackgroundLoop.disabled(NAME);

    BreachScanner(SlaClocks clocks, SlaConfig config) {
        this.clocks = clocks;
        this.config = config.scanner();
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            loop = BackgroundLoop.start(new BackgroundLoop.Settings(NAME, config.workers(), config.interval(),
                    config.interval(), SHUTDOWN_WAIT), this::scanRound);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    private BackgroundLoop.Outcome scanRound() {
        return BackgroundLoop.Outcome.after(clocks.scanDue(config.batchSize()), config.batchSize());
    }
}

package io.supportflow.sla.service;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.runtime.concurrent.WorkerThreads;
import io.supportflow.sla.config.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Looks for clocks whose alarm rang, every scanner interval, and drains them in batches so that
 * many clocks falling due together are all handled within the round. Several workers, and several
 * instances, may scan one database: claiming skips rows another worker holds, so while one worker
 * writes its batch the next batch is already being claimed.
 */
@ApplicationScoped
public class BreachScanner {

    private static final Logger LOG = Logger.getLogger(BreachScanner.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final SlaClocks clocks;
    private final SlaConfig.Scanner config;
    private volatile WorkerThreads workers = WorkerThreads.none();
    private volatile boolean running;

    BreachScanner(SlaClocks clocks, SlaConfig config) {
        this.clocks = clocks;
        this.config = config.scanner();
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        workers = WorkerThreads.start("sla-breach-scanner", config.workers(), this::scanUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        workers.interrupt();
        workers.awaitEnd(SHUTDOWN_WAIT);
    }

    private void scanUntilStopped() {
        while (running) {
            try {
                while (running && clocks.scanDue(config.batchSize()) == config.batchSize()) {
                    LOG.debug("A full batch of clocks was due; scanning on at once");
                }
            } catch (RuntimeException e) {
                LOG.warnf("Breach scan failed, retrying next round: %s", e.toString());
            }
            try {
                Thread.sleep(config.interval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

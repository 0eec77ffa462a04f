package io.supportflow.testing;

import java.util.concurrent.TimeUnit;

/** Stopping the processes the tests start: the services and the Kafka nodes. */
final class Processes {

    private Processes() {
    }

    /**
     * Stops {@code process} gracefully (SIGTERM, then SIGKILL if it has not gone after 30 s), or at once like a crash
     * (SIGKILL) when {@code crash}, and waits until it has gone.
     */
    static void stop(Process process, boolean crash) {
        if (crash) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

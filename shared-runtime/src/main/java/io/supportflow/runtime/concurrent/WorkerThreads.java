package io.supportflow.runtime.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of daemon threads, each running the same loop, started and stopped with a service. Daemon
 * threads, so that a loop that does not end within its stop's wait cannot keep the JVM from exiting.
 */
final class WorkerThreads {

    private static final WorkerThreads NONE = new WorkerThreads(List.of());

    private final List<Thread> threads;

    private WorkerThreads(List<Thread> threads) {
        this.threads = threads;
    }

    /** Starts {@code count} threads named {@code name-1} to {@code name-<count>}, each running {@code loop}. */
    static WorkerThreads start(String name, int count, Runnable loop) {
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(loop, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return new WorkerThreads(List.copyOf(threads));
    }

    /** No threads, for a service whose workers are switched off; stopping them returns at once. */
    static WorkerThreads none() {
        return NONE;
    }

    int count() {
        return threads.size();
    }

    /**
     * Waits until every loop has ended, all of them within one shared {@code timeout}.
     *
     * @return whether they all ended in time
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}

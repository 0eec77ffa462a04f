package io.supportflow.runtime.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);

    @Test
    void eachThreadRunsTheLoopAsANumberedDaemon() throws InterruptedException {
        Set<String> daemonNames = ConcurrentHashMap.newKeySet();
        WorkerThreads workers = WorkerThreads.start("worker", 3, () -> {
            if (Thread.currentThread().isDaemon()) {
                daemonNames.add(Thread.currentThread().getName());
            }
        });

        assertThat(workers.awaitEnd(LONG_ENOUGH)).isTrue();
        assertThat(workers.count()).isEqualTo(3);
        assertThat(daemonNames).containsExactlyInAnyOrder("worker-1", "worker-2", "worker-3");
    }

    @Test
    void awaitingTheEndTellsWhenALoopOutlastsTheWait() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        WorkerThreads workers = WorkerThreads.start("busy", 1, () -> {
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });

        assertThat(workers.awaitEnd(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(workers.awaitEnd(LONG_ENOUGH)).isTrue();
    }

    @Test
    void noWorkersAreAtAnEndAtOnce() throws InterruptedException {
        assertThat(WorkerThreads.none().count()).isZero();
        assertThat(WorkerThreads.none().awaitEnd(Duration.ZERO)).isTrue();
    }
}

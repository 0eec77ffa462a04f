package io.supportflow.runtime.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private BackgroundLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void idleWorkerRunsARoundWhenWoken() {
        AtomicInteger rounds = new AtomicInteger();
        loop = BackgroundLoop.start(settings(1, LONG), () -> {
            rounds.incrementAndGet();
            return BackgroundLoop.Outcome.IDLE;
        });
        await().until(() -> rounds.get() == 1);

        loop.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
    }

    @Test
    void fullRoundIsFollowedAtOnceByTheNext() {
        AtomicInteger rounds = new AtomicInteger();
        loop = BackgroundLoop.start(settings(1, LONG), () -> {
            int round = rounds.incrementAndGet();
            return BackgroundLoop.Outcome.after(round < 3 ? 10 : 4, 10);
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 3);
    }

    @Test
    void wakeUpGivenWhileARoundRunsMakesTheWorkerLookAgain() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch firstRoundStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop = BackgroundLoop.start(settings(1, LONG), () -> {
            if (rounds.incrementAndGet() == 1) {
                firstRoundStarted.countDown();
                release.await();
            }
            return BackgroundLoop.Outcome.IDLE;
        });
        firstRoundStarted.await();

        loop.wake();
        loop.wake();
        release.countDown();

        // Both came after the round had looked: one more round sees their work, and no third follows.
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 2);
    }

    @Test
    void failedRoundIsRetriedAfterThePause() {
        AtomicInteger rounds = new AtomicInteger();
        loop = BackgroundLoop.start(new BackgroundLoop.Settings("test", 1, LONG, Duration.ofMillis(50),
                Duration.ofSeconds(5)), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return BackgroundLoop.Outcome.IDLE;
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
    }

    @Test
    void stopLetsTheRoundInProgressFinishAndStartsNoOther() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop = BackgroundLoop.start(settings(1, LONG), () -> {
            started.countDown();
            release.await();
            finished.incrementAndGet();
            return BackgroundLoop.Outcome.MORE_WAITING;
        });
        started.await();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> !loop.isRunning());
        assertThat(stopped).isNotDone();
        release.countDown();

        assertThat(stopped.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(1);
    }

    private static BackgroundLoop.Settings settings(int workers, Duration idleWait) {
        return new BackgroundLoop.Settings("test", workers, idleWait, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}

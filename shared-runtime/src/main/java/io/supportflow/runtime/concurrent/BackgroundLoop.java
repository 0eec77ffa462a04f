package io.supportflow.runtime.concurrent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Workers that run the same round again and again for as long as a service runs: the one shape of every
 * long-lived loop (outbox relay, submission writers, breach scanner, mail dispatcher …).
 * <ul>
 * <li><b>Wake-up</b>: after a round that found nothing more waiting, a worker waits for a {@link #wake()}
 * or the idle wait, whichever comes first. A round starts by taking the wake-ups pending at that moment (it
 * will see the work they announced); one given while it runs makes a worker look again.</li>
 * <li><b>Failure</b>: a round that throws is logged, and its worker pauses before the next one.</li>
 * <li><b>Shutdown</b>: {@link #stop()} lets no new round start and wakes idle workers at once; a round in
 * progress finishes (its transaction commits or rolls back) within the shutdown wait. Workers are daemon
 * threads, so one that overruns the wait cannot keep the JVM from exiting.</li>
 * </ul>
 */
public final class BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        Outcome run() throws Exception;
    }

    /** What a round found: whether the worker should go on at once instead of waiting. */
    public enum Outcome {
        IDLE, MORE_WAITING;

        /** More may be waiting when the round was full. */
        public static Outcome after(int served, int roundCapacity) {
            return served >= roundCapacity ? MORE_WAITING : IDLE;
        }

        public static Outcome moreWaitingIf(boolean moreWaiting) {
            return moreWaiting ? MORE_WAITING : IDLE;
        }
    }

    /**
     * @param name              the threads' names ({@code name-1}, …) and the log's
     * @param workers           how many threads run the round side by side
     * @param idleWait          how long an idle worker waits when nothing wakes it
     * @param pauseAfterFailure how long a worker waits after a failed round
     * @param shutdownWait      how long {@link #stop()} waits for rounds in progress
     */
    public record Settings(String name, int workers, Duration idleWait, Duration pauseAfterFailure,
                           Duration shutdownWait) {
    }

    private final Settings settings;
    private final Round round;
    private final Semaphore wakeups = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private WorkerThreads threads = WorkerThreads.none();

    private BackgroundLoop(Settings settings, Round round) {
        this.settings = settings;
        this.round = round;
    }

    public static BackgroundLoop start(Settings settings, Round round) {
        BackgroundLoop loop = new BackgroundLoop(settings, round);
        loop.threads = WorkerThreads.start(settings.name(), settings.workers(), loop::runUntilStopped);
        return loop;
    }

    /** A loop that never runs, for a service whose workers are switched off. */
    public static BackgroundLoop disabled(String name) {
        BackgroundLoop loop = new BackgroundLoop(new Settings(name, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                () -> Outcome.IDLE);
        loop.running = false;
        return loop;
    }

    /** Asks an idle worker to run a round now instead of at the end of its idle wait. */
    public void wake() {
        wakeups.release();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Lets no new round start and waits, at most the shutdown wait, for those in progress.
     *
     * @return whether every worker ended in time
     */
    public boolean stop() throws InterruptedException {
        running = false;
        stopping.countDown();
        wakeups.release(threads.count());
        boolean ended = threads.awaitEnd(settings.shutdownWait());
        if (!ended) {
            LOG.warnf("%s: a round was still running after %d ms; it is abandoned", settings.name(),
                    settings.shutdownWait().toMillis());
        }
        return ended;
    }

    private void runUntilStopped() {
        while (running) {
            try {
                wakeups.drainPermits();
                if (round.run() == Outcome.MORE_WAITING) {
                    continue;
                }
            } catch (Exception e) {
                LOG.warnf("%s: a round failed, the next in %d ms: %s", settings.name(),
                        settings.pauseAfterFailure().toMillis(), e.toString());
                if (!pause(settings.pauseAfterFailure())) {
                    return;
                }
                continue;
            }
            if (!awaitWakeup(settings.idleWait())) {
                return;
            }
        }
    }

    private boolean awaitWakeup(Duration wait) {
        try {
            wakeups.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Not ended by wake-ups: a failing round should not be retried at the pace of arriving work. */
    private boolean pause(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.supportflow.intake.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

import org.hibernate.exception.ConstraintViolationException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stores submissions many per transaction: a writer takes whatever queued up while it wrote the previous
 * batch, and no request thread waits for the database meanwhile. The queue is bounded: when it is full,
 * intake is behind, and a submission is refused at once (503) instead of joining a queue that only grows.
 */
@ApplicationScoped
public class SubmissionQueue {

    private static final String WRITERS = "submission-writer";
    private static final Duration IDLE_WAIT = Duration.ofMillis(250);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration POLICY_PATIENCE = Duration.ofSeconds(10);

    private final TicketIntake intake;
    private final CurrentSlaPolicy policy;
    private final IntakeConfig.Submissions config;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final Timer batchWrites;
    private volatile BackgroundLoop writers = BackgroundLoop.disabled(WRITERS);

    SubmissionQueue(TicketIntake intake, CurrentSlaPolicy policy, IntakeConfig config, MeterRegistry registry) {
        this.intake = intake;
        this.policy = policy;
        this.config = config.submissions();
        this.queue = new ArrayBlockingQueue<>(this.config.queueCapacity());
        Gauge.builder("intake.submissions.queued", queue, BlockingQueue::size)
                .description("Submissions waiting to be stored").register(registry);
        this.batchSizes = DistributionSummary.builder("intake.submissions.batch.size")
                .description("Submissions stored per transaction").register(registry);
        this.batchWrites = Timer.builder("intake.submissions.batch.write")
                .description("Time to store one batch of submissions").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        writers = BackgroundLoop.start(new BackgroundLoop.Settings(WRITERS, config.writers(), IDLE_WAIT,
                PAUSE_AFTER_FAILURE, SHUTDOWN_WAIT), this::writeRound);
    }

    /**
     * What is queued when shutdown begins is still written, as long as the shutdown wait lasts (the rest is
     * answered busy); a submission arriving later is refused.
     */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        writers.stop();
        for (List<Pending> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            if (System.nanoTime() - deadline < 0) {
                store(batch);
            } else {
                batch.forEach(pending -> pending.outcome().completeExceptionally(new IntakeBusyException()));
            }
        }
    }

    /**
     * Queues {@code submission} to be stored; the answer completes once it is, with its outcome, or
     * fails with {@link IdempotencyConflictException}, {@link InvalidSubmissionException} or
     * {@link NotStoredException}.
     *
     * @throws IntakeBusyException when the queue is full or intake is shutting down
     */
    public CompletableFuture<SubmissionOutcome> submit(ReceivedSubmission submission) {
        Pending pending = new Pending(submission, new CompletableFuture<>());
        if (!writers.isRunning() || !queue.offer(pending)) {
            throw new IntakeBusyException();
        }
        // Shutdown began while it was queued: the shutdown's last look at the queue may have passed already.
        if (!writers.isRunning() && queue.remove(pending)) {
            throw new IntakeBusyException();
        }
        writers.wake();
        return pending.outcome();
    }

    /** A writer goes on at once while submissions wait, as when it polled the queue itself. */
    private BackgroundLoop.Outcome writeRound() {
        List<Pending> batch = nextBatch();
        if (!batch.isEmpty()) {
            store(batch);
        }
        return BackgroundLoop.Outcome.moreWaitingIf(!queue.isEmpty());
    }

    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        queue.drainTo(batch, config.maxBatch());
        return batch;
    }

    private void store(List<Pending> batch) {
        batchSizes.record(batch.size());
        batchWrites.record(() -> write(batch, true));
    }

    /**
     * @param again whether a duplicate key is worth another attempt: another writer stored one of these
     *              tickets meanwhile, and one at a time each submission finds its own
     */
    private void write(List<Pending> batch, boolean again) {
        List<TicketIntake.Acceptance> acceptances;
        try {
            // Just after a start the SLA policy (whose entitlements decide) may still be on its way from the topic.
            policy.await(POLICY_PATIENCE);
            acceptances = intake.acceptAll(batch.stream().map(Pending::submission).toList());
        } catch (InterruptedException failure) {
            Thread.currentThread().interrupt();
            batch.forEach(pending -> pending.outcome().completeExceptionally(new NotStoredException(failure)));
            return;
        } catch (RuntimeException failure) {
            if (again && isDuplicateKey(failure)) {
                batch.forEach(pending -> write(List.of(pending), false));
            } else {
                // A pool timeout or a lost connection: nothing was stored, a retry may succeed.
                batch.forEach(pending -> pending.outcome().completeExceptionally(new NotStoredException(failure)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            TicketIntake.Acceptance acceptance = acceptances.get(i);
            if (acceptance.outcome() != null) {
                batch.get(i).outcome().complete(acceptance.outcome());
            } else {
                batch.get(i).outcome().completeExceptionally(acceptance.refusal());
            }
        }
    }

    /** A concurrent identical submission inserted the same ticket id first. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private record Pending(ReceivedSubmission submission, CompletableFuture<SubmissionOutcome> outcome) {
    }
}

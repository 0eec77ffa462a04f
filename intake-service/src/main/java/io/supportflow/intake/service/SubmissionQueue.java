package io.supportflow.intake.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.runtime.concurrent.WorkerThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stores submissions many per transaction: a writer takes whatever has queued up while it wrote the
 * previous batch, so under load one commit serves hundreds of tickets, and when traffic is light a
 * batch is the one submission that woke it. No request thread waits for the database meanwhile.
 * The queue is bounded: when it is full intake is behind, and a submission is refused at once (503)
 * instead of joining a queue that only grows.
 */
@ApplicationScoped
public class SubmissionQueue {

    private static final Logger LOG = Logger.getLogger(SubmissionQueue.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final TicketIntake intake;
    private final IntakeConfig.Submissions config;
    private final BlockingQueue<Pending> queue;
    private volatile WorkerThreads writers = WorkerThreads.none();
    private final DistributionSummary batchSizes;
    private final Timer batchWrites;
    private volatile boolean running;

    SubmissionQueue(TicketIntake intake, IntakeConfig config, MeterRegistry registry) {
        this.intake = intake;
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
        running = true;
        writers = WorkerThreads.start("submission-writer", config.writers(), this::writeUntilStopped);
    }

    /** What is queued when shutdown begins is still written; a submission arriving later is refused. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        writers.awaitEnd(SHUTDOWN_WAIT);
        // A submission offered just as the writers ended is answered rather than left waiting.
        List<Pending> unwritten = new ArrayList<>();
        queue.drainTo(unwritten);
        unwritten.forEach(pending -> pending.outcome().completeExceptionally(new IntakeBusyException()));
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
        if (!running || !queue.offer(pending)) {
            throw new IntakeBusyException();
        }
        return pending.outcome();
    }

    private void writeUntilStopped() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, config.maxBatch() - 1);
                    batchSizes.record(batch.size());
                    batchWrites.record(() -> write(batch, true));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Submission writer failed; it goes on with the next batch");
            }
        }
    }

    /**
     * @param again whether a duplicate key is worth another attempt: another writer stored one of these
     *              tickets meanwhile, and one at a time each submission finds its own
     */
    private void write(List<Pending> batch, boolean again) {
        List<TicketIntake.Acceptance> acceptances;
        try {
            acceptances = intake.acceptAll(batch.stream().map(Pending::submission).toList());
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

package io.supportflow.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

import io.opentelemetry.context.Context;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.TicketSubmission;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The whole submission: store it (or find it again), then wait until the broker has acknowledged its
 * TicketReceived, so that an accepted ticket is never lost. Neither wait holds a thread.
 */
@ApplicationScoped
public class TicketSubmissions {

    private final SubmissionQueue queue;
    private final PublishedEvents published;
    private final IntakeConfig config;
    private final Clock clock;

    TicketSubmissions(SubmissionQueue queue, PublishedEvents published, IntakeConfig config, Clock clock) {
        this.queue = queue;
        this.published = published;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The ticket is received now, on the request's thread: its response clock must not start later
     * because the writers are behind.
     *
     * @param trace the trace of the request or record that brought the submission
     */
    public CompletionStage<SubmissionOutcome> submit(TicketSubmission submission, Context trace) {
        return submit(submission, clock.instant(), trace);
    }

    /**
     * Like {@link #submit(TicketSubmission, Context)}, for a submission received earlier and tried again: its
     * response clock starts when it was first received.
     */
    public CompletionStage<SubmissionOutcome> submit(TicketSubmission submission, Instant receivedAt, Context trace) {
        return queue.submit(new ReceivedSubmission(submission, receivedAt, trace)).thenCompose(outcome -> published
                .whenPublished(outcome.receivedEventId(), config.publishTimeout())
                .thenApply(acknowledged -> {
                    if (!acknowledged) {
                        throw new NotYetPublishedException(outcome.ticketId());
                    }
                    return outcome;
                }));
    }
}

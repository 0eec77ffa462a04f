package io.supportflow.intake.service;

import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.runtime.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * The whole submission: accept it (or find it again), then wait until the broker has
 * acknowledged its TicketReceived, so that an accepted ticket is never lost.
 */
@ApplicationScoped
public class TicketSubmissions {

    private final TicketIntake intake;
    private final OutboxRelay relay;
    private final IntakeConfig config;

    TicketSubmissions(TicketIntake intake, OutboxRelay relay, IntakeConfig config) {
        this.intake = intake;
        this.relay = relay;
        this.config = config;
    }

    public SubmissionOutcome submit(TicketSubmission submission) {
        SubmissionOutcome outcome = acceptOnce(submission);
        if (!relay.awaitPublished(outcome.receivedEventId(), config.publishTimeout())) {
            throw new NotYetPublishedException(outcome.ticketId());
        }
        return outcome;
    }

    private SubmissionOutcome acceptOnce(TicketSubmission submission) {
        try {
            return intake.accept(submission);
        } catch (PersistenceException concurrentDuplicate) {
            return intake.findRepeated(submission);
        }
    }
}

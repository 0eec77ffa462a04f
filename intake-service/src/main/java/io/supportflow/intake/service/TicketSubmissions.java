package io.supportflow.intake.service;

import org.hibernate.exception.ConstraintViolationException;

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
        } catch (PersistenceException failure) {
            if (isDuplicateKey(failure)) {
                return intake.findRepeated(submission);
            }
            // A pool timeout or a lost connection is no duplicate: there is no ticket to find.
            throw new NotStoredException(failure);
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
}

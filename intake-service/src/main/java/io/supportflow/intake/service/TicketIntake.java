package io.supportflow.intake.service;

import java.time.Clock;
import java.time.Instant;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.intake.domain.SubmissionFingerprint;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.intake.repository.TicketEntity;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Accepts a validated submission: the ticket row, its TicketReceived event and its first line in
 * the ticket view are written in one transaction (so an agent can look it up as soon as the
 * channel has its 202). A repeated submission finds its ticket and creates nothing.
 */
@ApplicationScoped
public class TicketIntake {

    static final String RECEIVED_ROLE = "ticket-received";

    private final Outbox outbox;
    private final TicketViewUpdates view;
    private final Clock clock;

    TicketIntake(Outbox outbox, TicketViewUpdates view, Clock clock) {
        this.outbox = outbox;
        this.view = view;
        this.clock = clock;
    }

    @Transactional
    public SubmissionOutcome accept(TicketSubmission submission) {
        String ticketId = DeterministicIds.ticketId(submission.channel(), submission.submissionKey());
        String fingerprint = SubmissionFingerprint.of(submission);
        TicketEntity existing = TicketEntity.findById(ticketId);
        if (existing != null) {
            return repeated(existing, fingerprint);
        }
        Instant receivedAt = clock.instant();
        String reference = TicketReference.of(ticketId);
        TicketReceived received = new TicketReceived(ticketId, reference, submission.channel(),
                submission.externalRef(), submission.plan(), submission.customer(), submission.subject(),
                submission.description(), submission.category(), submission.impact(), submission.workaround(),
                receivedAt);
        EventEnvelope envelope = outbox.add(ticketId, RECEIVED_ROLE, receivedAt, received);

        TicketEntity ticket = new TicketEntity();
        ticket.id = ticketId;
        ticket.reference = reference;
        ticket.channel = submission.channel();
        ticket.submissionKey = submission.submissionKey();
        ticket.fingerprint = fingerprint;
        ticket.plan = submission.plan();
        ticket.status = TicketStatus.OPEN;
        ticket.receivedEventId = envelope.id();
        ticket.receivedAt = receivedAt;
        ticket.persistAndFlush();
        view.record(envelope);
        return new SubmissionOutcome(ticketId, reference, envelope.id(), true);
    }

    /** A concurrent identical submission won the race: answer with its ticket. */
    @Transactional
    public SubmissionOutcome findRepeated(TicketSubmission submission) {
        String ticketId = DeterministicIds.ticketId(submission.channel(), submission.submissionKey());
        TicketEntity existing = TicketEntity.findById(ticketId);
        if (existing == null) {
            throw new IllegalStateException("Ticket " + ticketId + " vanished after a conflicting insert");
        }
        return repeated(existing, SubmissionFingerprint.of(submission));
    }

    private static SubmissionOutcome repeated(TicketEntity existing, String fingerprint) {
        if (!existing.fingerprint.equals(fingerprint)) {
            throw new IdempotencyConflictException(existing.id);
        }
        return new SubmissionOutcome(existing.id, existing.reference, existing.receivedEventId, false);
    }
}

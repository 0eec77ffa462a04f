package io.supportflow.intake.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.ContactTimeBounds;
import io.supportflow.intake.domain.SubmissionFingerprint;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.intake.repository.TicketEntity;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Accepts validated submissions, many in one transaction: each new ticket's row, its TicketReceived
 * event and its first line in the ticket view are written together (so an agent can look it up as soon
 * as the channel has its 202). A repeated submission, whether of an earlier ticket or of one earlier in
 * the same batch, finds its ticket and creates nothing. The contact time's bounds are checked here, for
 * new tickets only: a retry of a ticket already accepted gets that ticket however late it comes.
 */
@ApplicationScoped
public class TicketIntake {

    static final String RECEIVED_ROLE = "ticket-received";

    private final Outbox outbox;
    private final TicketViewUpdates view;
    private final ContactTimeBounds contactTimes;

    TicketIntake(Outbox outbox, TicketViewUpdates view, IntakeConfig config) {
        this.outbox = outbox;
        this.view = view;
        this.contactTimes = new ContactTimeBounds(config.contactTime().maxSkew(), config.contactTime().maxAge());
    }

    /**
     * Returns what became of each submission, in the order given. New tickets are written in ticket order,
     * so that two writers storing overlapping batches wait for each other in the same order.
     */
    @Transactional
    public List<Acceptance> acceptAll(List<ReceivedSubmission> submissions) {
        Map<String, TicketEntity> known = existingTickets(submissions);
        Acceptance[] acceptances = new Acceptance[submissions.size()];
        List<EventEnvelope> created = new ArrayList<>();
        for (int i : inTicketOrder(submissions)) {
            ReceivedSubmission received = submissions.get(i);
            TicketSubmission submission = received.submission();
            String fingerprint = SubmissionFingerprint.of(submission);
            TicketEntity ticket = known.get(ticketIdOf(submission));
            if (ticket != null) {
                acceptances[i] = ticket.fingerprint.equals(fingerprint) ? Acceptance.of(ticket, false)
                        : Acceptance.conflicting(ticket.id);
                continue;
            }
            Optional<FieldError> badContactTime = contactTimes.check(submission.submittedAt(), received.receivedAt());
            if (badContactTime.isPresent()) {
                acceptances[i] = Acceptance.refused(new InvalidSubmissionException(List.of(badContactTime.get())));
                continue;
            }
            EventEnvelope event = receive(received);
            ticket = store(submission, fingerprint, event);
            known.put(ticket.id, ticket);
            created.add(event);
            acceptances[i] = Acceptance.of(ticket, true);
        }
        view.recordAll(created);
        return List.of(acceptances);
    }

    private static int[] inTicketOrder(List<ReceivedSubmission> submissions) {
        return IntStream.range(0, submissions.size()).boxed()
                .sorted(Comparator.comparing(i -> ticketIdOf(submissions.get(i).submission())))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static Map<String, TicketEntity> existingTickets(List<ReceivedSubmission> submissions) {
        Map<String, TicketEntity> existing = new HashMap<>();
        TicketEntity.ofIds(submissions.stream().map(received -> ticketIdOf(received.submission())).toList())
                .forEach(ticket -> existing.put(ticket.id, ticket));
        return existing;
    }

    private EventEnvelope receive(ReceivedSubmission accepted) {
        TicketSubmission submission = accepted.submission();
        String ticketId = ticketIdOf(submission);
        TicketReceived received = new TicketReceived(ticketId, TicketReference.of(ticketId), submission.channel(),
                submission.externalRef(), submission.plan(), submission.customer(), submission.subject(),
                submission.description(), submission.category(), submission.impact(), submission.workaround(),
                accepted.receivedAt(), submission.submittedAt());
        return outbox.add(ticketId, RECEIVED_ROLE, accepted.receivedAt(), received);
    }

    private static TicketEntity store(TicketSubmission submission, String fingerprint, EventEnvelope envelope) {
        TicketReceived received = (TicketReceived) envelope.event();
        TicketEntity ticket = new TicketEntity();
        ticket.id = received.ticketId();
        ticket.reference = received.reference();
        ticket.channel = submission.channel();
        ticket.submissionKey = submission.submissionKey();
        ticket.fingerprint = fingerprint;
        ticket.plan = submission.plan();
        ticket.status = TicketStatus.OPEN;
        ticket.receivedEventId = envelope.id();
        ticket.receivedAt = received.receivedAt();
        ticket.persist();
        return ticket;
    }

    private static String ticketIdOf(TicketSubmission submission) {
        return DeterministicIds.ticketId(submission.channel(), submission.submissionKey());
    }

    /**
     * What became of one submission: the ticket it created or repeated, or why it was refused (its key
     * was used before for a different submission, or its contact time is out of bounds).
     */
    public record Acceptance(SubmissionOutcome outcome, RuntimeException refusal) {

        static Acceptance of(TicketEntity ticket, boolean created) {
            return new Acceptance(new SubmissionOutcome(ticket.id, ticket.reference, ticket.receivedEventId, created),
                    null);
        }

        static Acceptance conflicting(String ticketId) {
            return refused(new IdempotencyConflictException(ticketId));
        }

        static Acceptance refused(RuntimeException refusal) {
            return new Acceptance(null, refusal);
        }
    }
}

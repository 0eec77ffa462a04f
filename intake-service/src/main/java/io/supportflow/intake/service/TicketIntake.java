package io.supportflow.intake.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.supportflow.events.Customer;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.Account;
import io.supportflow.intake.domain.ContactTimeBounds;
import io.supportflow.intake.domain.Entitlements;
import io.supportflow.intake.domain.PlanDecision;
import io.supportflow.intake.domain.SubmissionFingerprint;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.intake.repository.AccountEntity;
import io.supportflow.intake.repository.TicketEntity;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.runtime.policy.PolicyNotYetKnownException;
import io.supportflow.runtime.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Accepts validated submissions, many in one transaction: each new ticket's row, its TicketReceived
 * event and its first line in the ticket view are written together (so an agent can look it up as soon
 * as the channel has its 202). A repeated submission, whether of an earlier ticket or of one earlier in
 * the same batch, finds its ticket and creates nothing. What a new ticket depends on is checked here, for
 * new tickets only, so that a retry of a ticket already accepted gets that ticket however late it comes:
 * the contact time's bounds, and the plan it runs on (its account's, see {@link PlanDecision}) with that
 * plan's channels.
 */
@ApplicationScoped
public class TicketIntake {

    static final String RECEIVED_ROLE = "ticket-received";

    private final Outbox outbox;
    private final TicketViewUpdates view;
    private final ContactTimeBounds contactTimes;
    private final PlanDecision plans;
    private final CurrentSlaPolicy policy;
    private final Counter planMismatches;

    TicketIntake(Outbox outbox, TicketViewUpdates view, IntakeConfig config, CurrentSlaPolicy policy,
                 MeterRegistry registry) {
        this.outbox = outbox;
        this.view = view;
        this.contactTimes = new ContactTimeBounds(config.contactTime().maxSkew(), config.contactTime().maxAge());
        this.plans = new PlanDecision(config.accounts().unknown(), config.accounts().defaultPlan());
        this.policy = policy;
        this.planMismatches = Counter.builder("intake.tickets.plan.mismatched")
                .description("Tickets whose adapter named another plan than their account's").register(registry);
    }

    /**
     * Returns what became of each submission, in the order given. New tickets are written in ticket order,
     * so that two writers storing overlapping batches wait for each other in the same order. The channels each
     * plan includes are the SLA policy's, which must be known by now ({@link PolicyNotYetKnownException}).
     */
    @Transactional
    public List<Acceptance> acceptAll(List<ReceivedSubmission> submissions) {
        Entitlements entitlements = new Entitlements(policy.require().entitlements());
        Map<String, TicketEntity> known = existingTickets(submissions);
        Map<String, Account> accounts = accountsOf(submissions);
        Acceptance[] acceptances = new Acceptance[submissions.size()];
        List<EventEnvelope> created = new ArrayList<>();
        Map<String, Context> traces = new HashMap<>();
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
            Customer customer = submission.customer();
            PlanDecision.Outcome plan = plans.decide(submission.channel(), submission.plan(),
                    Optional.ofNullable(accounts.get(customer.accountId())), entitlements);
            if (plan.refused()) {
                acceptances[i] = Acceptance.refused(refusal(submission, plan, entitlements));
                continue;
            }
            if (plan.mismatchedClaim() != null) {
                planMismatches.increment();
            }
            EventEnvelope event = receive(received, plan);
            ticket = store(submission, fingerprint, event);
            known.put(ticket.id, ticket);
            created.add(event);
            traces.put(event.id(), received.trace());
            acceptances[i] = Acceptance.of(ticket, true);
        }
        view.recordAll(created, traces);
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

    private static Map<String, Account> accountsOf(List<ReceivedSubmission> submissions) {
        Map<String, Account> accounts = new HashMap<>();
        AccountEntity.ofIds(submissions.stream().map(received -> received.submission().customer().accountId())
                        .distinct().toList())
                .forEach(account -> accounts.put(account.accountId, account.toAccount()));
        return accounts;
    }

    private static RuntimeException refusal(TicketSubmission submission, PlanDecision.Outcome outcome,
                                            Entitlements entitlements) {
        return switch (outcome.refusal()) {
            case UNKNOWN_ACCOUNT -> new UnknownAccountException(submission.customer().accountId(), submission.channel());
            case CHANNEL_NOT_INCLUDED -> new ChannelNotIncludedException(outcome.plan(), submission.channel(),
                    entitlements.channelsOf(outcome.plan()));
        };
    }

    private EventEnvelope receive(ReceivedSubmission accepted, PlanDecision.Outcome plan) {
        TicketSubmission submission = accepted.submission();
        String ticketId = ticketIdOf(submission);
        TicketReceived received = new TicketReceived(ticketId, TicketReference.of(ticketId), submission.channel(),
                submission.externalRef(), plan.plan(), submission.customer(), submission.subject(),
                submission.description(), submission.category(), submission.impact(), submission.workaround(),
                accepted.receivedAt(), submission.submittedAt(), plan.mismatchedClaim());
        return outbox.add(ticketId, RECEIVED_ROLE, accepted.receivedAt(), received, accepted.trace());
    }

    private static TicketEntity store(TicketSubmission submission, String fingerprint, EventEnvelope envelope) {
        TicketReceived received = (TicketReceived) envelope.event();
        TicketEntity ticket = new TicketEntity();
        ticket.id = received.ticketId();
        ticket.reference = received.reference();
        ticket.channel = submission.channel();
        ticket.submissionKey = submission.submissionKey();
        ticket.fingerprint = fingerprint;
        ticket.plan = received.plan();
        ticket.claimedPlan = received.claimedPlan();
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

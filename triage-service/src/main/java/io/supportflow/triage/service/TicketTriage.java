package io.supportflow.triage.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.triage.domain.Triage;
import io.supportflow.triage.domain.TriageDecision;
import io.supportflow.triage.domain.TriageInput;
import io.supportflow.triage.repository.TriagedTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides each received ticket's priority once, stores the decision with the ticket and writes
 * the event to the outbox in the same transaction: a confident decision is a PriorityAssigned,
 * an unsure one a TriageReviewRequested carrying the provisional priority.
 */
@ApplicationScoped
public class TicketTriage {

    static final String PRIORITY_ASSIGNED = "priority-assigned";
    static final String REVIEW_REQUESTED = "triage-review-requested";
    private static final Logger LOG = Logger.getLogger(TicketTriage.class);
    private static final int SUBJECT_LENGTH = 500;

    private final Triage triage;
    private final Outbox outbox;
    private final Clock clock;

    TicketTriage(Triage triage, Outbox outbox, Clock clock) {
        this.triage = triage;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Triages the received tickets of one consumed batch: the tickets triaged before are looked up in one
     * query, and a ticket received twice (a second TicketReceived, or twice in the batch) is decided once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void triage(List<EventEnvelope> received) {
        Set<String> decided = alreadyTriaged(received);
        for (EventEnvelope envelope : received) {
            TicketReceived ticket = (TicketReceived) envelope.event();
            if (decided.add(ticket.ticketId())) {
                decide(ticket, envelope.id());
            } else {
                LOG.debugf("Ticket %s was already triaged; a second TicketReceived changes nothing", ticket.ticketId());
            }
        }
    }

    private static Set<String> alreadyTriaged(List<EventEnvelope> received) {
        return new HashSet<>(TriagedTicket.triagedOf(received.stream().map(EventEnvelope::key).toList()));
    }

    private void decide(TicketReceived ticket, String receivedEventId) {
        TriageDecision decision = triage.decide(TriageInput.of(ticket));
        Instant at = clock.instant();
        store(ticket, decision, at);
        if (decision.needsReview()) {
            outbox.add(receivedEventId, REVIEW_REQUESTED, at,
                    new TriageReviewRequested(ticket.ticketId(), decision.priority(), decision.reason(), at,
                            decision.clockPriority()));
        } else {
            outbox.add(receivedEventId, PRIORITY_ASSIGNED, at, new PriorityAssigned(ticket.ticketId(),
                    decision.priority(), null, PrioritySource.RULES, decision.rule(), decision.reason(), null, at));
        }
    }

    private static void store(TicketReceived ticket, TriageDecision decision, Instant at) {
        TriagedTicket triaged = new TriagedTicket();
        triaged.ticketId = ticket.ticketId();
        triaged.reference = ticket.reference();
        triaged.plan = ticket.plan();
        triaged.subject = truncate(ticket.subject());
        triaged.receivedAt = ticket.clockStartsAt();
        triaged.priority = decision.priority();
        triaged.source = PrioritySource.RULES;
        triaged.rule = decision.rule();
        triaged.reason = decision.reason();
        triaged.decidedAt = at;
        triaged.inReview = decision.needsReview();
        triaged.reviewRequestedAt = decision.needsReview() ? at : null;
        triaged.clockPriority = decision.clockPriority();
        triaged.rulesPriority = decision.priority();
        triaged.rulesReview = decision.needsReview();
        triaged.decisionCount = 1;
        triaged.persist();
    }

    private static String truncate(String subject) {
        String text = subject == null ? "" : subject;
        return text.length() <= SUBJECT_LENGTH ? text : text.substring(0, SUBJECT_LENGTH);
    }
}

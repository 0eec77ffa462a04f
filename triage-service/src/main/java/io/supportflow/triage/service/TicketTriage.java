package io.supportflow.triage.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.jboss.logging.Logger;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.triage.domain.Triage;
import io.supportflow.triage.domain.TriageDecision;
import io.supportflow.triage.domain.TriageInput;
import io.supportflow.triage.repository.TriagedTicketEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides each received ticket's priority once and stores the decision with the ticket: a confident
 * decision publishes a PriorityAssigned, an unsure one a TriageReviewRequested with the provisional priority.
 */
@ApplicationScoped
public class TicketTriage implements BatchHandler<TriagedTicketEntity> {

    static final String PRIORITY_ASSIGNED = "priority-assigned";
    static final String REVIEW_REQUESTED = "triage-review-requested";
    private static final Logger LOG = Logger.getLogger(TicketTriage.class);
    private static final int SUBJECT_LENGTH = 500;

    private final Triage triage;
    private final Clock clock;

    TicketTriage(Triage triage, Clock clock) {
        this.triage = triage;
        this.clock = clock;
    }

    /**
     * Every ticket of the batch: stored if triaged before, else new and unsaved. Nothing is locked, as a
     * stored ticket is only read here: its decision is never made twice.
     */
    @Override
    public Map<String, TriagedTicketEntity> stateOf(SortedSet<String> ticketIds) {
        Map<String, TriagedTicketEntity> tickets = new HashMap<>();
        TriagedTicketEntity.stored(List.copyOf(ticketIds)).forEach(ticket -> tickets.put(ticket.ticketId, ticket));
        ticketIds.forEach(ticketId -> tickets.computeIfAbsent(ticketId, TriagedTicketEntity::unseen));
        return tickets;
    }

    @Override
    public List<Publication> apply(EventEnvelope envelope, TriagedTicketEntity ticket) {
        if (!(envelope.event() instanceof TicketReceived received)) {
            return List.of();
        }
        // Stored before, or earlier in this batch by a second TicketReceived with another event id.
        if (ticket.isPersistent()) {
            LOG.debugf("Ticket %s was already triaged; a second TicketReceived changes nothing", ticket.ticketId);
            return List.of();
        }
        TriageDecision decision = triage.decide(TriageInput.of(received));
        Instant at = clock.instant();
        store(ticket, received, decision, at);
        if (decision.needsReview()) {
            return List.of(Publication.causedBy(envelope, REVIEW_REQUESTED, at, new TriageReviewRequested(
                    ticket.ticketId, decision.priority(), decision.reason(), at, decision.clockPriority())));
        }
        return List.of(Publication.causedBy(envelope, PRIORITY_ASSIGNED, at, new PriorityAssigned(ticket.ticketId,
                decision.priority(), null, PrioritySource.RULES, decision.rule(), decision.reason(), null, at)));
    }

    private static void store(TriagedTicketEntity triaged, TicketReceived ticket, TriageDecision decision, Instant at) {
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

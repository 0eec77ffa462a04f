package io.supportflow.survey.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.runtime.persistence.TicketRows;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.SurveyTokens;
import io.supportflow.survey.repository.PendingResolutionEntity;
import io.supportflow.survey.repository.SurveyEntity;
import io.supportflow.survey.repository.SurveyTicketEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Opens a survey for every resolution of a ticket. A ticket's events come on different topics in any
 * order, so a resolution that arrives before its ticket waits until the ticket is known; the ticket's row
 * is locked while any of its events is applied, so consumers of different topics cannot miss each other.
 */
@ApplicationScoped
public class SurveyRequests implements BatchHandler<SurveyRequests.TicketState> {

    static final String ROLE = "survey-requested";

    private static final TicketRows<SurveyTicketEntity> ROWS =
            TicketRows.of(SurveyTicketEntity.class, "survey_ticket", row -> row.ticketId);

    private final EntityManager entityManager;
    private final SurveyConfig config;

    SurveyRequests(EntityManager entityManager, SurveyConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** A ticket's row, locked for the batch, and the resolutions waiting for it to arrive, oldest first. */
    public record TicketState(SurveyTicketEntity row, List<PendingResolutionEntity> waiting) {
    }

    @Override
    public Map<String, TicketState> stateOf(SortedSet<String> ticketIds) {
        Map<String, SurveyTicketEntity> rows = ROWS.lockOrCreate(entityManager, ticketIds);
        // Read under the lock, so a resolution the other consumer committed is among them; only a ticket not
        // received yet can have any.
        Map<String, List<PendingResolutionEntity>> waiting = PendingResolutionEntity.ofTickets(rows.values().stream()
                .filter(row -> !row.isReceived())
                .map(row -> row.ticketId)
                .toList());
        Map<String, TicketState> tickets = new HashMap<>();
        rows.forEach((ticketId, row) ->
                tickets.put(ticketId, new TicketState(row, new ArrayList<>(waiting.getOrDefault(ticketId, List.of())))));
        return tickets;
    }

    /**
     * A reopened ticket needs nothing (solved again, it comes as a new TicketResolved with its own id), nor does a
     * review request: no row is locked or made for them.
     */
    @Override
    public boolean concerns(EventEnvelope envelope) {
        return envelope.event() instanceof TicketReceived || envelope.event() instanceof TicketResolved
                || envelope.event() instanceof PriorityAssigned;
    }

    @Override
    public List<Publication> apply(EventEnvelope envelope, TicketState ticket) {
        if (envelope.event() instanceof TicketReceived received) {
            return received(received, ticket);
        }
        if (envelope.event() instanceof TicketResolved resolved) {
            return resolved(envelope.id(), resolved, ticket);
        }
        // One ticket's priority events share a topic partition, so the last one applied is the latest decision.
        ticket.row().priority = ((PriorityAssigned) envelope.event()).priority();
        return List.of();
    }

    private List<Publication> received(TicketReceived received, TicketState ticket) {
        SurveyTicketEntity row = ticket.row();
        row.reference = received.reference();
        row.subject = received.subject();
        row.email = received.customer().email();
        row.locale = received.customer().locale();
        row.plan = received.plan();
        row.channel = received.channel();
        row.receivedAt = received.receivedAt();
        List<Publication> requested = new ArrayList<>();
        for (PendingResolutionEntity pending : ticket.waiting()) {
            requested.add(open(row, pending.resolvedEventId, pending.resolvedAt));
            pending.delete();
        }
        ticket.waiting().clear();
        return requested;
    }

    private List<Publication> resolved(String resolvedEventId, TicketResolved resolved, TicketState ticket) {
        if (ticket.row().isReceived()) {
            return List.of(open(ticket.row(), resolvedEventId, resolved.at()));
        }
        PendingResolutionEntity pending = new PendingResolutionEntity();
        pending.resolvedEventId = resolvedEventId;
        pending.ticketId = resolved.ticketId();
        pending.resolvedAt = resolved.at();
        pending.persist();
        ticket.waiting().add(pending);
        return List.of();
    }

    private Publication open(SurveyTicketEntity ticket, String resolvedEventId, Instant resolvedAt) {
        SurveyEntity survey = new SurveyEntity();
        survey.id = DeterministicIds.nameUuid("survey", resolvedEventId).toString();
        survey.ticket = ticket;
        survey.resolvedEventId = resolvedEventId;
        survey.token = SurveyTokens.next();
        survey.requestedAt = resolvedAt;
        survey.expiresAt = resolvedAt.plus(config.expiry());
        survey.persist();
        return new Publication(resolvedEventId, ROLE, resolvedAt, new SurveyRequested(ticket.ticketId, survey.id,
                surveyUrl(survey.token), ticket.email, ticket.locale, survey.expiresAt));
    }

    private String surveyUrl(String token) {
        String base = config.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/surveys/" + token;
    }
}

package io.supportflow.survey.service;

import java.time.Instant;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.SurveyTokens;
import io.supportflow.survey.repository.PendingResolutionEntity;
import io.supportflow.survey.repository.SurveyEntity;
import io.supportflow.survey.repository.TicketInfoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Opens a survey for every resolution of a ticket. A ticket's events come on different topics
 * in any order, so a resolution that arrives before its ticket waits until the ticket is known.
 */
@ApplicationScoped
public class SurveyRequests {

    static final String ROLE = "survey-requested";

    private final Outbox outbox;
    private final SurveyConfig config;

    SurveyRequests(Outbox outbox, SurveyConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketReceived(TicketReceived received) {
        TicketInfoEntity ticket = TicketInfoEntity.lockOrCreate(received.ticketId());
        ticket.reference = received.reference();
        ticket.subject = received.subject();
        ticket.email = received.customer().email();
        ticket.locale = received.customer().locale();
        ticket.plan = received.plan();
        ticket.channel = received.channel();
        ticket.receivedAt = received.receivedAt();
        for (PendingResolutionEntity pending : PendingResolutionEntity.ofTicket(ticket.ticketId)) {
            open(ticket, pending.resolvedEventId, pending.resolvedAt);
            pending.delete();
        }
    }

    /** @param resolvedEventId the id of the TicketResolved event: the cause of the survey and its event */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketResolved(TicketResolved resolved, String resolvedEventId) {
        TicketInfoEntity ticket = TicketInfoEntity.lockOrCreate(resolved.ticketId());
        if (ticket.isReceived()) {
            open(ticket, resolvedEventId, resolved.at());
            return;
        }
        PendingResolutionEntity pending = new PendingResolutionEntity();
        pending.resolvedEventId = resolvedEventId;
        pending.ticketId = resolved.ticketId();
        pending.resolvedAt = resolved.at();
        pending.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void priorityAssigned(PriorityAssigned assigned) {
        // One ticket's priority events share a topic partition, so the last one applied is the latest decision.
        TicketInfoEntity.lockOrCreate(assigned.ticketId()).priority = assigned.priority();
    }

    private void open(TicketInfoEntity ticket, String resolvedEventId, Instant resolvedAt) {
        SurveyEntity survey = new SurveyEntity();
        survey.id = DeterministicIds.nameUuid("survey", resolvedEventId).toString();
        survey.ticket = ticket;
        survey.resolvedEventId = resolvedEventId;
        survey.token = SurveyTokens.next();
        survey.requestedAt = resolvedAt;
        survey.expiresAt = resolvedAt.plus(config.expiry());
        survey.persist();
        outbox.add(resolvedEventId, ROLE, resolvedAt, new SurveyRequested(ticket.ticketId, survey.id,
                surveyUrl(survey.token), ticket.email, ticket.locale, survey.expiresAt));
    }

    private String surveyUrl(String token) {
        String base = config.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/surveys/" + token;
    }
}

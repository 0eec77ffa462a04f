package io.supportflow.survey.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * Events come a batch per topic at a time, each event list in the order consumed (at least within a
 * ticket): the batch's ticket rows, and what waits for them, are loaded at its start, and its events are
 * applied to them in memory.
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

    /** A TicketResolved with its event id: the cause of the survey and of its event. */
    public record Resolution(TicketResolved event, String eventId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketsReceived(List<TicketReceived> events) {
        Map<String, TicketInfoEntity> tickets = TicketInfoEntity.lockOrCreate(
                events.stream().map(TicketReceived::ticketId).toList());
        // Read once the rows are locked, so a resolution committed by the other consumer is among them.
        Map<String, List<PendingResolutionEntity>> waiting = PendingResolutionEntity.ofTickets(tickets.keySet());
        for (TicketReceived received : events) {
            TicketInfoEntity ticket = tickets.get(received.ticketId());
            ticket.reference = received.reference();
            ticket.subject = received.subject();
            ticket.email = received.customer().email();
            ticket.locale = received.customer().locale();
            ticket.plan = received.plan();
            ticket.channel = received.channel();
            ticket.receivedAt = received.receivedAt();
            for (PendingResolutionEntity pending : waiting.getOrDefault(ticket.ticketId, List.of())) {
                open(ticket, pending.resolvedEventId, pending.resolvedAt);
                pending.delete();
            }
            waiting.remove(ticket.ticketId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketsResolved(List<Resolution> resolutions) {
        Map<String, TicketInfoEntity> tickets = TicketInfoEntity.lockOrCreate(
                resolutions.stream().map(resolution -> resolution.event().ticketId()).toList());
        for (Resolution resolution : resolutions) {
            TicketResolved resolved = resolution.event();
            TicketInfoEntity ticket = tickets.get(resolved.ticketId());
            if (ticket.isReceived()) {
                open(ticket, resolution.eventId(), resolved.at());
                continue;
            }
            PendingResolutionEntity pending = new PendingResolutionEntity();
            pending.resolvedEventId = resolution.eventId();
            pending.ticketId = resolved.ticketId();
            pending.resolvedAt = resolved.at();
            pending.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void prioritiesAssigned(List<PriorityAssigned> events) {
        Map<String, TicketInfoEntity> tickets = TicketInfoEntity.lockOrCreate(
                events.stream().map(PriorityAssigned::ticketId).toList());
        for (PriorityAssigned assigned : events) {
            // One ticket's priority events share a topic partition, so the last one applied is the latest decision.
            tickets.get(assigned.ticketId()).priority = assigned.priority();
        }
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

package io.supportflow.notification.service;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Pages the on-call people and webhooks a HandlingScheduled names (a P1, or a P2 outside business hours with
 * extended cover). Every other event on sla.events is for other consumers and is skipped before any query.
 */
@ApplicationScoped
public class OnCallPager implements BatchHandler<TicketMessages> {

    private final NotificationRequests requests;
    private final OpsMessages opsMessages;

    OnCallPager(NotificationRequests requests, OpsMessages opsMessages) {
        this.requests = requests;
        this.opsMessages = opsMessages;
    }

    @Override
    public boolean concerns(EventEnvelope event) {
        return event.event() instanceof HandlingScheduled scheduled && !scheduled.paged().isEmpty();
    }

    /** No row to lock: only this consumer requests pages, and a ticket's events reach one consumer at a time. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, TicketMessages> stateOf(SortedSet<String> ticketIds) {
        return requests.forTickets(ticketIds);
    }

    @Override
    public List<Publication> apply(EventEnvelope event, TicketMessages messages) {
        opsMessages.page(messages, event.id(), (HandlingScheduled) event.event());
        return List.of();
    }
}

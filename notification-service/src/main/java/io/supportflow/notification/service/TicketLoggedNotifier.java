package io.supportflow.notification.service;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageEvent;
import io.supportflow.notification.domain.PriorityState;
import io.supportflow.notification.repository.TicketEntity;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The "ticket logged" message needs the ticket and its first priority decision, which may be a review's
 * provisional priority: the customer is told at once, never after an agent. Whichever arrives second
 * completes the ticket and requests the message. An agent's later decision that differs from the priority
 * the customer was told requests a "priority changed" message.
 */
@ApplicationScoped
public class TicketLoggedNotifier implements BatchHandler<LockedTicket> {

    private final EntityManager entityManager;
    private final NotificationRequests requests;
    private final CustomerMails mails;

    TicketLoggedNotifier(EntityManager entityManager, NotificationRequests requests, CustomerMails mails) {
        this.entityManager = entityManager;
        this.requests = requests;
        this.mails = mails;
    }

    /**
     * The consumers of both topics may complete the same ticket at the same moment, so its row is locked
     * before its messages are read: either consumer then sees a message the other requested.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, LockedTicket> stateOf(SortedSet<String> ticketIds) {
        Map<String, TicketEntity> rows = TicketEntity.ROWS.lockOrCreate(entityManager, ticketIds);
        Map<String, TicketMessages> messages = requests.forTickets(ticketIds);
        return rows.values().stream()
                .collect(Collectors.toMap(row -> row.ticketId,
                        row -> new LockedTicket(row, messages.get(row.ticketId))));
    }

    /** TicketReceived, or a PriorityAssigned or TriageReviewRequested as triage wrote it. */
    @Override
    public List<Publication> apply(EventEnvelope event, LockedTicket ticket) {
        if (event.event() instanceof TicketReceived received) {
            received(received, ticket);
        } else {
            prioritised((TriageEvent) event.event(), ticket);
        }
        return List.of();
    }

    private void received(TicketReceived event, LockedTicket ticket) {
        TicketEntity row = ticket.row();
        if (!row.isReceived()) {
            row.reference = event.reference();
            row.plan = event.plan();
            row.customerName = event.customer().name();
            row.customerEmail = event.customer().email();
            row.locale = event.customer().locale();
            row.subject = event.subject();
            row.receivedAt = event.receivedAt();
        }
        requestLoggedWhenComplete(ticket);
    }

    private void prioritised(TriageEvent event, LockedTicket ticket) {
        TicketEntity row = ticket.row();
        row.priorityState(row.priorityState().decided(event));
        if (row.priorityState().isTold()) {
            requestChangeIfUntold(ticket);
        } else {
            requestLoggedWhenComplete(ticket);
        }
    }

    private void requestLoggedWhenComplete(LockedTicket ticket) {
        TicketEntity row = ticket.row();
        PriorityState priority = row.priorityState();
        if (!row.isReceived() || !priority.isDecided() || priority.isTold()) {
            return;
        }
        ticket.messages().request(NotificationKind.TICKET_LOGGED, mails.ticketLogged(row));
        row.priorityState(priority.toldNow());
    }

    /** An agent confirming the priority the customer was told changes nothing for them, so nothing is sent. */
    private void requestChangeIfUntold(LockedTicket ticket) {
        TicketEntity row = ticket.row();
        PriorityState priority = row.priorityState();
        if (!priority.hasUntoldChange()) {
            return;
        }
        ticket.messages().request(NotificationKind.PRIORITY_CHANGED, priority.occasion(), mails.priorityChanged(row));
        row.priorityState(priority.toldNow());
    }
}

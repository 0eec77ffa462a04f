package io.supportflow.notification.service;

import java.util.List;
import java.util.Map;

import io.supportflow.events.NotificationKind;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageEvent;
import io.supportflow.notification.domain.PriorityState;
import io.supportflow.notification.repository.TicketEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The "ticket logged" message needs the ticket and its first priority decision, which may be a review's
 * provisional priority: the customer is told at once, never after an agent. Whichever arrives second
 * completes the ticket and requests the message. An agent's later decision that differs from the priority
 * the customer was told requests a "priority changed" message. Events come a batch at a time: the batch's
 * tickets and their messages are loaded at its start, and its events are applied to them in memory.
 */
@ApplicationScoped
public class TicketLoggedNotifier {

    private final NotificationRequests requests;
    private final CustomerMails mails;

    TicketLoggedNotifier(NotificationRequests requests, CustomerMails mails) {
        this.requests = requests;
        this.mails = mails;
    }

    /** @param events in the order consumed, at least within each ticket */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(List<TicketReceived> events) {
        LockedTickets batch = lock(events.stream().map(TicketReceived::ticketId).toList());
        for (TicketReceived event : events) {
            TicketEntity ticket = batch.tickets().get(event.ticketId());
            if (!ticket.isReceived()) {
                ticket.reference = event.reference();
                ticket.plan = event.plan();
                ticket.customerName = event.customer().name();
                ticket.customerEmail = event.customer().email();
                ticket.locale = event.customer().locale();
                ticket.subject = event.subject();
                ticket.receivedAt = event.receivedAt();
            }
            requestLoggedWhenComplete(ticket, batch.outbox());
        }
    }

    /**
     * PriorityAssigned and TriageReviewRequested, as triage wrote them.
     *
     * @param events in the order consumed, at least within each ticket
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prioritised(List<? extends TriageEvent> events) {
        LockedTickets batch = lock(events.stream().map(TriageEvent::ticketId).toList());
        for (TriageEvent event : events) {
            TicketEntity ticket = batch.tickets().get(event.ticketId());
            ticket.priorityState(ticket.priorityState().decided(event));
            if (ticket.priorityState().isTold()) {
                requestChangeIfUntold(ticket, batch.outbox());
            } else {
                requestLoggedWhenComplete(ticket, batch.outbox());
            }
        }
    }

    /** The messages are read after the rows are locked, so either consumer sees a message the other requested. */
    private LockedTickets lock(List<String> ticketIds) {
        Map<String, TicketEntity> tickets = TicketEntity.lockOrCreate(ticketIds);
        return new LockedTickets(tickets, requests.forTickets(tickets.keySet()));
    }

    private void requestLoggedWhenComplete(TicketEntity ticket, NotificationRequests.Batch outbox) {
        PriorityState priority = ticket.priorityState();
        if (!ticket.isReceived() || !priority.isDecided() || priority.isTold()) {
            return;
        }
        outbox.request(ticket.ticketId, NotificationKind.TICKET_LOGGED, mails.ticketLogged(ticket));
        ticket.priorityState(priority.toldNow());
    }

    /** An agent confirming the priority the customer was told changes nothing for them, so nothing is sent. */
    private void requestChangeIfUntold(TicketEntity ticket, NotificationRequests.Batch outbox) {
        PriorityState priority = ticket.priorityState();
        if (!priority.hasUntoldChange()) {
            return;
        }
        outbox.request(ticket.ticketId, NotificationKind.PRIORITY_CHANGED, priority.occasion(),
                mails.priorityChanged(ticket));
        ticket.priorityState(priority.toldNow());
    }

    /** A batch's ticket rows, locked, and the mail outbox of those tickets. */
    private record LockedTickets(Map<String, TicketEntity> tickets, NotificationRequests.Batch outbox) {
    }
}

package io.supportflow.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.supportflow.events.NotificationKind;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TicketReceived;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.TicketLoggedMail;
import io.supportflow.notification.repository.TicketEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The "ticket logged" message needs the ticket and its first priority; whichever arrives
 * second completes the ticket and requests the message. Events come a batch at a time: the batch's
 * tickets and their messages are loaded at its start, and its events are applied to them in memory.
 */
@ApplicationScoped
public class TicketLoggedNotifier {

    private final NotificationRequests requests;
    private final MailComposer composer;
    private final NotificationConfig config;

    TicketLoggedNotifier(NotificationRequests requests, MailComposer composer, NotificationConfig config) {
        this.requests = requests;
        this.composer = composer;
        this.config = config;
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
            requestWhenComplete(ticket, batch.outbox());
        }
    }

    /**
     * Only the first decision is announced; a later re-prioritisation is the agent's to communicate.
     *
     * @param events in the order consumed, at least within each ticket
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prioritised(List<PriorityAssigned> events) {
        LockedTickets batch = lock(events.stream().map(PriorityAssigned::ticketId).toList());
        for (PriorityAssigned event : events) {
            TicketEntity ticket = batch.tickets().get(event.ticketId());
            if (!ticket.isPrioritised()) {
                ticket.priority = event.priority();
                ticket.priorityAssignedAt = event.assignedAt();
            }
            requestWhenComplete(ticket, batch.outbox());
        }
    }

    /** The messages are read after the rows are locked, so either consumer sees a message the other requested. */
    private LockedTickets lock(List<String> ticketIds) {
        Map<String, TicketEntity> tickets = TicketEntity.lockOrCreate(ticketIds);
        return new LockedTickets(tickets, requests.forTickets(tickets.keySet()));
    }

    private void requestWhenComplete(TicketEntity ticket, NotificationRequests.Batch outbox) {
        if (!ticket.isReceived() || !ticket.isPrioritised()) {
            return;
        }
        Language language = Language.of(ticket.locale);
        Duration target = config.responseTargets().get(ticket.plan).get(ticket.priority);
        TicketLoggedMail mail = new TicketLoggedMail(ticket.reference, ticket.customerName, ticket.subject,
                ticket.plan, ticket.priority, Wording.duration(target, language));
        outbox.request(ticket.ticketId, NotificationKind.TICKET_LOGGED,
                composer.ticketLogged(ticket.customerEmail, language, mail));
    }

    /** A batch's ticket rows, locked, and the mail outbox of those tickets. */
    private record LockedTickets(Map<String, TicketEntity> tickets, NotificationRequests.Batch outbox) {
    }
}

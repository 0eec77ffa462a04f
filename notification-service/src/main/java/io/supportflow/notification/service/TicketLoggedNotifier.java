package io.supportflow.notification.service;

import java.time.Duration;

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
 * second completes the ticket and requests the message.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(TicketReceived event) {
        TicketEntity ticket = TicketEntity.lockOrCreate(event.ticketId());
        if (!ticket.isReceived()) {
            ticket.reference = event.reference();
            ticket.plan = event.plan();
            ticket.customerName = event.customer().name();
            ticket.customerEmail = event.customer().email();
            ticket.locale = event.customer().locale();
            ticket.subject = event.subject();
            ticket.receivedAt = event.receivedAt();
        }
        requestWhenComplete(ticket);
    }

    /** Only the first decision is announced; a later re-prioritisation is the agent's to communicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prioritised(PriorityAssigned event) {
        TicketEntity ticket = TicketEntity.lockOrCreate(event.ticketId());
        if (!ticket.isPrioritised()) {
            ticket.priority = event.priority();
            ticket.priorityAssignedAt = event.assignedAt();
        }
        requestWhenComplete(ticket);
    }

    private void requestWhenComplete(TicketEntity ticket) {
        if (!ticket.isReceived() || !ticket.isPrioritised()) {
            return;
        }
        Language language = Language.of(ticket.locale);
        Duration target = config.responseTargets().get(ticket.plan).get(ticket.priority);
        TicketLoggedMail mail = new TicketLoggedMail(ticket.reference, ticket.customerName, ticket.subject,
                ticket.plan, ticket.priority, Wording.duration(target, language));
        requests.request(ticket.ticketId, NotificationKind.TICKET_LOGGED,
                composer.ticketLogged(ticket.customerEmail, language, mail));
    }
}

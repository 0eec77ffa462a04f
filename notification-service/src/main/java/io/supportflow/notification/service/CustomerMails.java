package io.supportflow.notification.service;

import java.time.Duration;

import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.OutgoingMail;
import io.supportflow.notification.mail.PriorityChangedMail;
import io.supportflow.notification.mail.TicketLoggedMail;
import io.supportflow.notification.repository.TicketEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders a ticket's customer messages about its priority, in the customer's language, with their plan's target. */
@ApplicationScoped
class CustomerMails {

    private final MailComposer composer;
    private final NotificationConfig config;

    CustomerMails(MailComposer composer, NotificationConfig config) {
        this.composer = composer;
        this.config = config;
    }

    OutgoingMail ticketLogged(TicketEntity ticket) {
        Language language = Language.of(ticket.locale);
        return composer.ticketLogged(ticket.customerEmail, language, new TicketLoggedMail(ticket.reference,
                ticket.customerName, ticket.subject, ticket.plan, ticket.priority,
                target(ticket, language), ticket.priorityProvisional));
    }

    /** From the priority the customer was told to the ticket's current one. */
    OutgoingMail priorityChanged(TicketEntity ticket) {
        Language language = Language.of(ticket.locale);
        return composer.priorityChanged(ticket.customerEmail, language, new PriorityChangedMail(ticket.reference,
                ticket.customerName, ticket.plan, ticket.toldPriority, ticket.priority,
                target(ticket, language)));
    }

    private String target(TicketEntity ticket, Language language) {
        Duration target = config.responseTargets().get(ticket.plan).get(ticket.priority);
        return Wording.duration(target, language);
    }
}

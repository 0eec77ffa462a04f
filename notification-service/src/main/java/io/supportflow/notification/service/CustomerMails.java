package io.supportflow.notification.service;

import java.time.Duration;

import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.OutgoingMail;
import io.supportflow.notification.mail.PriorityChangedMail;
import io.supportflow.notification.mail.TicketLoggedMail;
import io.supportflow.notification.repository.TicketEntity;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a ticket's customer messages about its priority, in the customer's language, with their plan's response
 * target as the newest SLA policy read from {@code sla.policies} states it.
 */
@ApplicationScoped
class CustomerMails {

    private final MailComposer composer;
    private final CurrentSlaPolicy policy;

    CustomerMails(MailComposer composer, CurrentSlaPolicy policy) {
        this.composer = composer;
        this.policy = policy;
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

    /**
     * Throws {@code PolicyNotYetKnownException} rather than render a message without its target; the ticket
     * consumers wait for the first policy ({@code SlaPolicyWait}), so it only fails a batch applied past them.
     */
    private String target(TicketEntity ticket, Language language) {
        Duration target = policy.require().responseTarget(ticket.plan, ticket.priority);
        return Wording.duration(target, language);
    }
}

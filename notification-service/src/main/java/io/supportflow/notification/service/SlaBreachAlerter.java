package io.supportflow.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.SlaBreachAlertMail;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Tells the ops team that a ticket missed its response target, and each escalation level's recipients that the
 * level fired. A HandlingBreached needs no message of its own: the escalation ladder reaches whoever it concerns.
 */
@ApplicationScoped
public class SlaBreachAlerter implements BatchHandler<TicketMessages> {

    private final NotificationRequests requests;
    private final MailComposer composer;
    private final OpsMessages opsMessages;
    private final NotificationConfig config;

    SlaBreachAlerter(NotificationRequests requests, MailComposer composer, OpsMessages opsMessages,
                     NotificationConfig config) {
        this.requests = requests;
        this.composer = composer;
        this.opsMessages = opsMessages;
        this.config = config;
    }

    @Override
    public boolean concerns(EventEnvelope event) {
        return event.event() instanceof SlaBreached
                || event.event() instanceof SlaEscalated escalated && !escalated.recipients().isEmpty();
    }

    /**
     * No row to lock: only this consumer requests alerts and escalations, and a ticket's events reach one consumer
     * at a time.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, TicketMessages> stateOf(SortedSet<String> ticketIds) {
        return requests.forTickets(ticketIds);
    }

    @Override
    public List<Publication> apply(EventEnvelope event, TicketMessages messages) {
        if (event.event() instanceof SlaEscalated escalated) {
            opsMessages.escalate(messages, event.id(), escalated);
        } else {
            messages.request(NotificationKind.SLA_BREACH_ALERT,
                    composer.slaBreachAlert(config.opsAddresses(), alertOf((SlaBreached) event.event())));
        }
        return List.of();
    }

    private static SlaBreachAlertMail alertOf(SlaBreached event) {
        return new SlaBreachAlertMail(event.reference(), event.ticketId(), event.plan(),
                event.priority(), Wording.duration(event.target(), Language.EN),
                Wording.instant(event.receivedAt()), Wording.instant(event.dueAt()),
                Wording.instant(event.breachedAt()),
                Wording.duration(Duration.between(event.dueAt(), event.breachedAt()), Language.EN));
    }
}

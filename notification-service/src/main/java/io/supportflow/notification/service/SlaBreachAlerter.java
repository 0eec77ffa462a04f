package io.supportflow.notification.service;

import java.time.Duration;
import java.util.List;

import io.supportflow.events.NotificationKind;
import io.supportflow.events.SlaBreached;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.SlaBreachAlertMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Tells the ops team that a ticket missed its response target, for a batch of breaches at a time. */
@ApplicationScoped
public class SlaBreachAlerter {

    private final NotificationRequests requests;
    private final MailComposer composer;
    private final NotificationConfig config;

    SlaBreachAlerter(NotificationRequests requests, MailComposer composer, NotificationConfig config) {
        this.requests = requests;
        this.composer = composer;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void breached(List<SlaBreached> events) {
        NotificationRequests.Batch outbox = requests.forTickets(events.stream().map(SlaBreached::ticketId).toList());
        for (SlaBreached event : events) {
            outbox.request(event.ticketId(), NotificationKind.SLA_BREACH_ALERT,
                    composer.slaBreachAlert(config.opsAddresses(), alertOf(event)));
        }
    }

    private static SlaBreachAlertMail alertOf(SlaBreached event) {
        return new SlaBreachAlertMail(event.reference(), event.ticketId(), event.plan(),
                event.priority(), Wording.duration(event.target(), Language.EN),
                Wording.instant(event.receivedAt()), Wording.instant(event.dueAt()),
                Wording.instant(event.breachedAt()),
                Wording.duration(Duration.between(event.dueAt(), event.breachedAt()), Language.EN));
    }
}

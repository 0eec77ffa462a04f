package io.supportflow.notification.service;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.NotificationKind;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.MessageIds;
import io.supportflow.notification.mail.OutgoingMail;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Puts a rendered message into the mail outbox in the consumer's transaction, so a consumed
 * event and the message it asks for are committed together; the dispatcher, woken once that
 * transaction has committed, sends it.
 */
@ApplicationScoped
public class NotificationRequests {

    private static final Logger LOG = Logger.getLogger(NotificationRequests.class);

    private final NotificationConfig config;
    private final Clock clock;
    private final Event<NotificationRequested> requested;

    NotificationRequests(NotificationConfig config, Clock clock, Event<NotificationRequested> requested) {
        this.config = config;
        this.clock = clock;
        this.requested = requested;
    }

    /** A message of a kind that a ticket gets once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String ticketId, NotificationKind kind, OutgoingMail mail) {
        request(ticketId, kind, "", mail);
    }

    /** A message of a kind a ticket may get again on another occasion (a survey per resolution). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String ticketId, NotificationKind kind, String occasion, OutgoingMail mail) {
        if (NotificationEntity.exists(ticketId, kind, occasion)) {
            LOG.infof("Ticket %s already has its %s message %s; not sending another", ticketId, kind, occasion);
            return;
        }
        Instant now = clock.instant();
        NotificationEntity notification = new NotificationEntity();
        notification.id = (occasion.isEmpty()
                ? DeterministicIds.nameUuid("notification", ticketId, kind.name())
                : DeterministicIds.nameUuid("notification", ticketId, kind.name(), occasion)).toString();
        notification.occasion = occasion;
        notification.ticketId = ticketId;
        notification.kind = kind;
        notification.recipients = String.join(",", mail.recipients());
        notification.subject = mail.subject();
        notification.textBody = mail.text();
        notification.htmlBody = mail.html();
        notification.messageId = MessageIds.of(ticketId, kind, occasion, config.messageIdDomain());
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;
        notification.nextAttemptAt = now;
        notification.giveUpAt = now.plus(config.delivery().giveUpAfter());
        notification.persist();
        requested.fire(new NotificationRequested(notification.id));
    }
}

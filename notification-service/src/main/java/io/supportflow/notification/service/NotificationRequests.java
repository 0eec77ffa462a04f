package io.supportflow.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.supportflow.events.NotificationKind;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.MessageIds;
import io.supportflow.notification.mail.OutgoingMail;
import io.supportflow.notification.repository.NotificationChannel;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationKey;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.notification.webhook.OutgoingWebhook;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Puts rendered messages (mails, webhook deliveries) into the outbox in the consumer's transaction, so consumed events
 * and the messages they ask for are committed together; the dispatcher, woken once that
 * transaction has committed, sends them.
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

    /**
     * The messages of each of {@code ticketIds}, for one batch of events: which messages those tickets have is
     * read here, in one query, and not again for each request. Call it once the tickets' rows are locked
     * where two consumers may request a message of the same ticket, so that it sees what the other committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, TicketMessages> forTickets(Collection<String> ticketIds) {
        Map<String, Set<NotificationKey>> known = NotificationEntity.keysOf(ticketIds).stream()
                .collect(Collectors.groupingBy(NotificationKey::ticketId, Collectors.toCollection(HashSet::new)));
        Map<String, TicketMessages> messages = new HashMap<>();
        for (String ticketId : ticketIds) {
            messages.put(ticketId, new TicketMessages(ticketId, known.getOrDefault(ticketId, new HashSet<>())));
        }
        return messages;
    }

    /** Requests a ticket's messages in its batch's transaction: one per kind and occasion. */
    public final class TicketMessages {

        private final String ticketId;
        private final Set<NotificationKey> known;

        private TicketMessages(String ticketId, Set<NotificationKey> known) {
            this.ticketId = ticketId;
            this.known = known;
        }

        public String ticketId() {
            return ticketId;
        }

        /** A message of a kind that a ticket gets once. */
        public void request(NotificationKind kind, OutgoingMail mail) {
            request(kind, "", mail);
        }

        /** A message of a kind a ticket may get again on another occasion (a survey per resolution). */
        public void request(NotificationKind kind, String occasion, OutgoingMail mail) {
            if (isKnown(kind, occasion)) {
                return;
            }
            NotificationEntity notification = pending(ticketId, kind, occasion, NotificationChannel.EMAIL);
            notification.recipients = String.join(",", mail.recipients());
            notification.subject = mail.subject();
            notification.textBody = mail.text();
            notification.htmlBody = mail.html();
            notification.messageId = MessageIds.of(ticketId, kind, occasion, config.messageIdDomain());
            persist(notification);
        }

        /** A webhook delivery; its id goes with it as {@code X-SupportFlow-Id}, for the receiver to drop duplicates. */
        public void request(NotificationKind kind, String occasion, OutgoingWebhook webhook) {
            if (isKnown(kind, occasion)) {
                return;
            }
            NotificationEntity notification = pending(ticketId, kind, occasion, NotificationChannel.WEBHOOK);
            notification.recipients = webhook.webhook();
            notification.subject = webhook.summary();
            notification.webhookBody = webhook.body();
            notification.messageId = notification.id;
            persist(notification);
        }

        /** Remembered at once, so a later event of the same batch finds this message as it would a stored one. */
        private boolean isKnown(NotificationKind kind, String occasion) {
            if (known.add(new NotificationKey(ticketId, kind, occasion))) {
                return false;
            }
            LOG.infof("Ticket %s already has its %s message %s; not sending another", ticketId, kind, occasion);
            return true;
        }

        private void persist(NotificationEntity notification) {
            notification.persist();
            requested.fire(new NotificationRequested(notification.id));
        }
    }

    private NotificationEntity pending(String ticketId, NotificationKind kind, String occasion,
                                       NotificationChannel channel) {
        Instant now = clock.instant();
        NotificationEntity notification = new NotificationEntity();
        notification.id = MessageIds.notificationId(ticketId, kind, occasion);
        notification.occasion = occasion;
        notification.ticketId = ticketId;
        notification.kind = kind;
        notification.channel = channel;
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;
        notification.nextAttemptAt = now;
        notification.giveUpAt = now.plus(config.delivery().giveUpAfter());
        notification.traceparent = TraceContexts.traceparentOf(Context.current());
        return notification;
    }
}

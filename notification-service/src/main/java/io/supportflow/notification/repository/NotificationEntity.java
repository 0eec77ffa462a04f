package io.supportflow.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message per ticket, kind and occasion, rendered when requested and sent (with retries) by the dispatcher:
 * a mail (subject, text and HTML bodies, Message-ID) or a webhook delivery (the webhook's name as recipient, its
 * JSON body, and the notification's id as message id).
 */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    // A priority change waits while the ticket's "ticket logged" message or an earlier change is pending
    // (being sent, or waiting for a retry): sent side by side, the customer could read them in the wrong order.
    private static final String DUE = """
            SELECT n.* FROM notification n WHERE n.status = 'PENDING' AND n.next_attempt_at <= ?1
            AND NOT (n.kind = 'PRIORITY_CHANGED' AND EXISTS (
                SELECT 1 FROM notification earlier WHERE earlier.ticket_id = n.ticket_id AND earlier.status = 'PENDING'
                AND (earlier.kind = 'TICKET_LOGGED'
                     OR earlier.kind = 'PRIORITY_CHANGED' AND earlier.created_at < n.created_at)))
            ORDER BY n.next_attempt_at LIMIT ?2 FOR UPDATE OF n SKIP LOCKED""";
    // One array parameter, not an IN list: the plan does not depend on the batch's size, and the index is
    // used even where the table has no statistics yet (a database without autovacuum, say).
    private static final String KEYS_OF_TICKETS = """
            SELECT ticket_id, kind, occasion FROM notification WHERE ticket_id = ANY (CAST(?1 AS varchar[]))""";

    @Id
    public String id;
    @Column(name = "ticket_id")
    public String ticketId;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    /** Tells apart messages of one kind for one ticket, e.g. the survey id; empty for once-only kinds. */
    public String occasion = "";
    @Enumerated(EnumType.STRING)
    public NotificationChannel channel = NotificationChannel.EMAIL;
    /** Comma-separated addresses; a webhook's name. */
    public String recipients;
    /** What the mail's subject says; for a webhook, the same summary, shown by the audit. */
    public String subject;
    @Column(name = "text_body")
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;
    /** The JSON a webhook is sent, fixed when requested so that every attempt sends the same body. */
    @Column(name = "webhook_body")
    public String webhookBody;
    @Column(name = "message_id")
    public String messageId;
    @Enumerated(EnumType.STRING)
    public NotificationStatus status;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "give_up_at")
    public Instant giveUpAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "last_error")
    public String lastError;
    /** The trace of the event that asked for it, which its CustomerNotified continues; null for none. */
    public String traceparent;

    public List<String> recipientList() {
        return List.of(recipients.split(","));
    }

    /** The messages {@code ticketIds} have, by key only: their bodies are not needed to know they exist. */
    public static List<NotificationKey> keysOf(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(KEYS_OF_TICKETS)
                .setParameter(1, ticketIds.toArray(String[]::new))
                .getResultList();
        return rows.stream()
                .map(row -> new NotificationKey((String) row[0], NotificationKind.valueOf((String) row[1]), (String) row[2]))
                .toList();
    }

    public static List<NotificationEntity> ofTicket(String ticketId) {
        return list("ticketId = ?1 order by createdAt, kind", ticketId);
    }

    /**
     * The most overdue pending notifications, at most {@code limit}, locked for this transaction; rows
     * another worker or instance is sending right now are skipped rather than waited for, and a priority
     * change is not due before the ticket's earlier customer messages left.
     */
    @SuppressWarnings("unchecked")
    public static List<NotificationEntity> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery(DUE, NotificationEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}

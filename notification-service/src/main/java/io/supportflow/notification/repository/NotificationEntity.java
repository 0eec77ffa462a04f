package io.supportflow.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message per ticket and kind, rendered when requested and sent (with retries) by the dispatcher. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    private static final String NEXT_DUE = """
            SELECT * FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?1
            ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""";

    @Id
    public String id;
    @Column(name = "ticket_id")
    public String ticketId;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    /** Tells apart messages of one kind for one ticket, e.g. the survey id; empty for once-only kinds. */
    public String occasion = "";
    /** Comma-separated addresses. */
    public String recipients;
    public String subject;
    @Column(name = "text_body")
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;
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

    public List<String> recipientList() {
        return List.of(recipients.split(","));
    }

    public static boolean exists(String ticketId, NotificationKind kind, String occasion) {
        return count("ticketId = ?1 and kind = ?2 and occasion = ?3", ticketId, kind, occasion) > 0;
    }

    public static List<NotificationEntity> ofTicket(String ticketId) {
        return list("ticketId = ?1 order by createdAt, kind", ticketId);
    }

    /**
     * The most overdue pending notification, locked for this transaction; rows another
     * worker or instance is sending right now are skipped rather than waited for.
     */
    @SuppressWarnings("unchecked")
    public static Optional<NotificationEntity> lockNextDue(Instant now) {
        List<NotificationEntity> due = getEntityManager().createNativeQuery(NEXT_DUE, NotificationEntity.class)
                .setParameter(1, now)
                .getResultList();
        return due.stream().findFirst();
    }
}

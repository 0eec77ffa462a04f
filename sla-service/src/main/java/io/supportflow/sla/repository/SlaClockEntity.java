package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.ClockFacts;
import io.supportflow.sla.domain.ClockHistory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** One ticket's response clock. */
@Entity
@Table(name = "sla_clock")
public class SlaClockEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "priority_known")
    public boolean priorityKnown;
    @Column(name = "target_seconds")
    public Long targetSeconds;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "logged_at")
    public Instant loggedAt;
    @Column(name = "warnings_sent")
    public int warningsSent;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "breach_retracted")
    public boolean breachRetracted;
    @Column(name = "met_published")
    public boolean metPublished;
    @Column(name = "alarm_at")
    public Instant alarmAt;

    /** The clock of {@code ticketId}, locked for this transaction; created empty when no event of it came yet. */
    public static SlaClockEntity lockOrCreate(String ticketId) {
        getEntityManager().createNativeQuery("INSERT INTO sla_clock (ticket_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, ticketId)
                .executeUpdate();
        return findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims clocks whose alarm has rung, skipping those another scanner (or a consumer) holds,
     * so several instances share the work and no clock is handled twice at once.
     */
    @SuppressWarnings("unchecked")
    public static List<SlaClockEntity> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM sla_clock WHERE alarm_at <= ?1 ORDER BY alarm_at LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", SlaClockEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public ClockFacts facts() {
        return new ClockFacts(receivedAt, plan, priority, priorityKnown, loggedAt, warningsSent, breachedAt != null,
                breachRetracted, metPublished);
    }

    public ClockHistory history() {
        return new ClockHistory(plan, priority, receivedAt, loggedAt);
    }

    public boolean breached() {
        return breachedAt != null && !breachRetracted;
    }
}

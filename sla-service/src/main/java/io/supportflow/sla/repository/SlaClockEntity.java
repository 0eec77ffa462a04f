package io.supportflow.sla.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.persistence.TicketRows;
import io.supportflow.sla.domain.ClockFacts;
import io.supportflow.sla.domain.ClockHistory;
import io.supportflow.sla.domain.Verdict;
import io.supportflow.sla.domain.handling.HandlingFacts;
import io.supportflow.sla.domain.handling.HandlingHistory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One ticket's response clock. */
@Entity
@Table(name = "sla_clock")
public class SlaClockEntity extends PanacheEntityBase {

    /** A batch's clocks, created where missing (a ticket no event came for yet gets an empty one) and locked. */
    public static final TicketRows<SlaClockEntity> ROWS =
            TicketRows.of(SlaClockEntity.class, "sla_clock", sla -> sla.ticketId);

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    /** When the clock started: the contact time the channel reported, else the receipt. */
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "priority_known")
    public boolean priorityKnown;
    /** Set while the priority is provisional (in review): the clock runs on the strictest plausible one. */
    @Column(name = "provisional_since")
    public Instant provisionalSince;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_priority")
    public Priority handlingPriority;
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_scheduled_for")
    public Priority handlingScheduledFor;
    @Column(name = "handling_schedules")
    public int handlingSchedules;
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_mode")
    public HandlingMode handlingMode;
    @Column(name = "schedule_id")
    public String scheduleId;
    @Column(name = "handle_from")
    public Instant handleFrom;
    @Column(name = "handling_target_seconds")
    public Long handlingTargetSeconds;
    @Column(name = "handling_business_time")
    public boolean handlingBusinessTime;
    @Column(name = "handling_due_at")
    public Instant handlingDueAt;
    @Column(name = "handling_warn_at")
    public Instant handlingWarnAt;
    @Column(name = "handling_warned")
    public boolean handlingWarned;
    /** The first acknowledgement or resolution, in event time. */
    @Column(name = "taken_up_at")
    public Instant takenUpAt;
    @Column(name = "handling_breached_at")
    public Instant handlingBreachedAt;
    @Column(name = "handling_breach_retracted")
    public boolean handlingBreachRetracted;
    @Column(name = "handling_met_published")
    public boolean handlingMetPublished;
    /** One bit per escalation level (its configured index) that fired. */
    @Column(name = "escalations_fired")
    public long escalationsFired;
    /** The policy version the handling plan was made under. */
    @Column(name = "handling_policy_version")
    public int handlingPolicyVersion;

    /**
     * Claims clocks whose alarm has rung, skipping those another scanner (or a consumer) holds,
     * so several instances share the work and no clock is handled twice at once. Skipping also means
     * a scanner never waits for a consumer's locks, so the two cannot deadlock.
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

    /**
     * Rings, at {@code now}, the alarm of every clock that still has one (something pending): the scanner judges
     * each again under the policy in force. Returns how many.
     */
    public static int ringOpenAlarms(Instant now) {
        return getEntityManager().createNativeQuery("UPDATE sla_clock SET alarm_at = ?1 WHERE alarm_at > ?1")
                .setParameter(1, now)
                .executeUpdate();
    }

    public ClockFacts facts() {
        EnumSet<Verdict> published = EnumSet.noneOf(Verdict.class);
        if (breachedAt != null) {
            published.add(Verdict.BREACHED);
        }
        if (breachRetracted) {
            published.add(Verdict.BREACH_RETRACTED);
        }
        if (metPublished) {
            published.add(Verdict.MET);
        }
        return new ClockFacts(receivedAt, plan, priority,
                priorityKnown ? ClockFacts.PriorityBasis.DECIDED : ClockFacts.PriorityBasis.DEFAULT, loggedAt,
                warningsSent, published);
    }

    /** The handling clock's facts; null until a handling plan was made. */
    public HandlingFacts handlingFacts() {
        if (handlingDueAt == null) {
            return null;
        }
        EnumSet<Verdict> published = EnumSet.noneOf(Verdict.class);
        if (handlingBreachedAt != null) {
            published.add(Verdict.BREACHED);
        }
        if (handlingBreachRetracted) {
            published.add(Verdict.BREACH_RETRACTED);
        }
        if (handlingMetPublished) {
            published.add(Verdict.MET);
        }
        return new HandlingFacts(handlingDueAt, handlingWarnAt, takenUpAt, handlingWarned, published);
    }

    public Duration handlingTarget() {
        return handlingTargetSeconds == null ? null : Duration.ofSeconds(handlingTargetSeconds);
    }

    public HandlingHistory handlingHistory() {
        return new HandlingHistory(plan, handlingPriority, handlingDueAt, takenUpAt);
    }

    public ClockHistory history() {
        return new ClockHistory(plan, priority, receivedAt, loggedAt,
                targetSeconds == null ? null : Duration.ofSeconds(targetSeconds));
    }

    public boolean breached() {
        return breachedAt != null && !breachRetracted;
    }
}

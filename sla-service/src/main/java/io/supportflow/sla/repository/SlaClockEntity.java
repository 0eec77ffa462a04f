package io.supportflow.sla.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.ClockFacts;
import io.supportflow.sla.domain.ClockHistory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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

    /**
     * The clocks of {@code ticketIds} by ticket, locked for this transaction; a ticket no event came for
     * yet gets an empty one. Rows are created and locked in ticket order, so two consumers whose batches
     * share tickets wait for each other in the same order, never in a circle.
     */
    public static Map<String, SlaClockEntity> lockOrCreate(SortedSet<String> ticketIds) {
        getEntityManager().unwrap(Session.class).doWork(connection -> createMissing(connection, ticketIds));
        // One array parameter, not an IN list: the plan does not depend on the batch's size, and the index is
        // used even where the table has no statistics yet (a database without autovacuum, say).
        @SuppressWarnings("unchecked")
        List<SlaClockEntity> locked = getEntityManager().createNativeQuery("""
                        SELECT * FROM sla_clock WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY ticket_id
                        FOR NO KEY UPDATE""", SlaClockEntity.class)
                // Read at a batch's start, when nothing is pending: no flush, not even of an empty context.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, ticketIds.toArray(String[]::new))
                .getResultList();
        return locked.stream().collect(Collectors.toMap(sla -> sla.ticketId, Function.identity()));
    }

    // Plain JDBC: a native query through Hibernate would first flush the whole persistence context.
    private static void createMissing(Connection connection, SortedSet<String> ticketIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sla_clock (ticket_id) SELECT id FROM unnest(?::varchar[]) AS id ORDER BY id
                ON CONFLICT DO NOTHING""")) {
            insert.setArray(1, connection.createArrayOf("varchar", ticketIds.toArray()));
            insert.executeUpdate();
        }
    }

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

package io.supportflow.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.notification.domain.PriorityState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the customer's messages need of a ticket. TicketReceived and the first priority decision (a
 * PriorityAssigned or a TriageReviewRequested) fill it in whichever order they arrive; the "ticket logged"
 * message is due once both did. An agent's later decision updates the priority, and the told priority
 * remembers what the customer last heard.
 */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    private static final String CREATE_MISSING = """
            INSERT INTO ticket (ticket_id) SELECT id FROM unnest(CAST(?1 AS varchar[])) AS id ORDER BY id
            ON CONFLICT (ticket_id) DO NOTHING""";
    // One array parameter, not an IN list: the plan does not depend on the batch's size, and the index is
    // used even where the table has no statistics yet (a database without autovacuum, say).
    private static final String LOCK = """
            SELECT * FROM ticket WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY ticket_id FOR NO KEY UPDATE""";

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "customer_email")
    public String customerEmail;
    public String locale;
    public String subject;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    /** When the latest decision was made. */
    @Column(name = "priority_assigned_at")
    public Instant priorityAssignedAt;
    /** The priority is a review's provisional one, until an agent decides. */
    @Column(name = "priority_provisional")
    public boolean priorityProvisional;
    @Enumerated(EnumType.STRING)
    @Column(name = "told_priority")
    public Priority toldPriority;

    public boolean isReceived() {
        return receivedAt != null;
    }

    public boolean isPrioritised() {
        return priority != null;
    }

    public PriorityState priorityState() {
        return new PriorityState(priority, priorityAssignedAt, priorityProvisional, toldPriority);
    }

    public void priorityState(PriorityState state) {
        priority = state.priority();
        priorityAssignedAt = state.decidedAt();
        priorityProvisional = state.provisional();
        toldPriority = state.told();
    }

    /**
     * The rows of {@code ticketIds}, those not there yet created empty, all locked: the two topics'
     * consumers may complete the same ticket at the same moment. Both statements take the rows in ticket
     * order, so two batches of overlapping tickets wait for each other instead of deadlocking. Meant for a
     * batch's start: the native statement flushes the persistence context first, which costs nothing
     * while the context is still empty and a dirty check of every managed entity once it is not.
     */
    public static Map<String, TicketEntity> lockOrCreate(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Set<String> ids = new TreeSet<>(ticketIds);
        getEntityManager().createNativeQuery(CREATE_MISSING)
                .setParameter(1, ids.toArray(String[]::new))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<TicketEntity> locked = getEntityManager().createNativeQuery(LOCK, TicketEntity.class)
                .setParameter(1, ids.toArray(String[]::new))
                .getResultList();
        return locked.stream().collect(Collectors.toMap(ticket -> ticket.ticketId, Function.identity()));
    }
}

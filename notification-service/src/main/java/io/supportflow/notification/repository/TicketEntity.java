package io.supportflow.notification.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * What the "ticket logged" message needs of a ticket. TicketReceived and the first
 * PriorityAssigned fill it in whichever order they arrive; the message is due once both did.
 */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

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
    @Column(name = "priority_assigned_at")
    public Instant priorityAssignedAt;

    public boolean isReceived() {
        return receivedAt != null;
    }

    public boolean isPrioritised() {
        return priority != null;
    }

    /**
     * The ticket's row, created empty if this is the first event about it, and locked: the
     * two topics' consumers may complete the same ticket at the same moment.
     */
    public static TicketEntity lockOrCreate(String ticketId) {
        getEntityManager()
                .createNativeQuery("INSERT INTO ticket (ticket_id) VALUES (?1) ON CONFLICT (ticket_id) DO NOTHING")
                .setParameter(1, ticketId)
                .executeUpdate();
        return findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
    }
}

package io.supportflow.notification.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.notification.domain.PriorityState;
import io.supportflow.runtime.persistence.TicketRows;
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

    /** Created empty by whichever event comes first, so that both topics' consumers have a row to lock. */
    public static final TicketRows<TicketEntity> ROWS = TicketRows.of(TicketEntity.class, "ticket", row -> row.ticketId);

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
}

package io.supportflow.intake.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.intake.domain.SlaState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One ticket as the topics describe it. The {@code *_at} columns hold the event time of the
 * event that set a value, so a late, older event cannot overwrite a newer one.
 */
@Entity
@Table(name = "ticket_view")
public class TicketViewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    /** The plan the adapter named when it differed from the account's; the name as the topic told it. */
    @Column(name = "claimed_plan")
    public String claimedPlan;
    public String subject;
    @Column(name = "customer_locale")
    public String customerLocale;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Column(name = "status_at")
    public Instant statusAt;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "priority_at")
    public Instant priorityAt;
    /** True while triage's review request is the newest word on the priority; then priorityAt is its time. */
    @Column(name = "priority_provisional")
    public boolean priorityProvisional;
    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    public SlaState slaState;
    @Column(name = "sla_due_at")
    public Instant slaDueAt;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    /** The earliest acknowledgement: when and by whom the ticket was first taken up. */
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    /** The assignee of the newest acknowledgement that named one, at {@code assigneeAt}. */
    public String assignee;
    @Column(name = "assignee_at")
    public Instant assigneeAt;
}

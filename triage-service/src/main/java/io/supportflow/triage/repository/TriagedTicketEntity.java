package io.supportflow.triage.repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PrioritySource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ticket with its current priority decision; while {@code inReview} the priority is provisional. */
@Entity
@Table(name = "triaged_ticket")
public class TriagedTicketEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    public String subject;
    /** When the response clock started: the contact time the adapter reported, else the receipt. */
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public PrioritySource source;
    public String rule;
    public String reason;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "in_review")
    public boolean inReview;
    @Column(name = "review_requested_at")
    public Instant reviewRequestedAt;
    /** While in review, the priority the response clock runs on. */
    @Enumerated(EnumType.STRING)
    @Column(name = "clock_priority")
    public Priority clockPriority;
    /** The rules' own decision, kept when an agent decides: agreement is measured against it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rules_priority")
    public Priority rulesPriority;
    @Column(name = "rules_review")
    public Boolean rulesReview;
    /** Numbers the decisions, so each one has its own cause for a deterministic event id. */
    @Column(name = "decision_count")
    public int decisionCount;

    /** A ticket triage has not seen yet; it is stored once the rules decided it. */
    public static TriagedTicketEntity unseen(String ticketId) {
        TriagedTicketEntity ticket = new TriagedTicketEntity();
        ticket.ticketId = ticketId;
        return ticket;
    }

    /** The stored tickets among {@code ticketIds}, loaded by one query (one array parameter on PostgreSQL). */
    public static List<TriagedTicketEntity> stored(List<String> ticketIds) {
        return getSession().findMultiple(TriagedTicketEntity.class, ticketIds).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    public static List<TriagedTicketEntity> reviewQueue() {
        return list("inReview = true order by receivedAt, ticketId");
    }
}

package io.supportflow.triage.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
public class TriagedTicket extends PanacheEntityBase {

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

    /** Which of {@code ticketIds} were triaged before, in one query with one array parameter. */
    @SuppressWarnings("unchecked")
    public static List<String> triagedOf(Collection<String> ticketIds) {
        return getEntityManager()
                .createNativeQuery("SELECT ticket_id FROM triaged_ticket WHERE ticket_id = ANY (CAST(?1 AS varchar[]))")
                .setParameter(1, ticketIds.toArray(String[]::new))
                .getResultList();
    }

    public static List<TriagedTicket> reviewQueue() {
        return list("inReview = true order by receivedAt, ticketId");
    }
}

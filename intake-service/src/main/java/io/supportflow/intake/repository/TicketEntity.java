package io.supportflow.intake.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/** A ticket intake accepted: what idempotent submission and the lifecycle need. */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "submission_key")
    public String submissionKey;
    public String fingerprint;
    /** The account's plan when the ticket was received. */
    @Enumerated(EnumType.STRING)
    public Plan plan;
    /** The plan the adapter named when it differed from the account's. */
    @Enumerated(EnumType.STRING)
    @Column(name = "claimed_plan")
    public Plan claimedPlan;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Column(name = "received_event_id")
    public String receivedEventId;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "lifecycle_version")
    public int lifecycleVersion;
    /** The first take-up: the one the handling clock stops at; later acknowledgements only re-assign. */
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    /** Named by the newest acknowledgement that named one. */
    public String assignee;

    /** The tickets of {@code ids} that exist, in one query with one array parameter, whatever their number. */
    @SuppressWarnings("unchecked")
    public static List<TicketEntity> ofIds(Collection<String> ids) {
        return getEntityManager().createNativeQuery("SELECT * FROM ticket WHERE id = ANY (CAST(?1 AS varchar[]))",
                        TicketEntity.class)
                .setParameter(1, ids.toArray(String[]::new))
                .getResultList();
    }
}

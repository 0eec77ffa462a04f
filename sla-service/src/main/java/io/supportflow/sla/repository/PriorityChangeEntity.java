package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.domain.PriorityDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A priority decision consumed from tickets.priority, kept with its event time. */
@Entity
@Table(name = "sla_priority_change")
public class PriorityChangeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Enumerated(EnumType.STRING)
    public PriorityChange.Kind kind;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** Null on decisions stored before V5, when who took them was not kept. */
    public Boolean agent;
    /** The priority the rules gave, on their decisions only (see {@link PriorityDecision}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "rules_priority")
    public Priority rulesPriority;

    public static void record(String eventId, PriorityDecision decision) {
        PriorityChangeEntity entity = new PriorityChangeEntity();
        entity.eventId = eventId;
        entity.ticketId = decision.ticketId();
        entity.kind = decision.change().kind();
        entity.priority = decision.change().priority();
        entity.decidedAt = decision.change().at();
        entity.agent = decision.byAgent();
        entity.rulesPriority = decision.rulesPriority();
        entity.persist();
    }

    /**
     * The decisions taken on each of {@code ticketIds}, an empty list for a ticket without any; the
     * lists can be added to, so that a batch's later events see the decisions of its earlier ones.
     */
    public static Map<String, List<PriorityChange>> ofTickets(Collection<String> ticketIds) {
        Map<String, List<PriorityChange>> changes = new HashMap<>();
        ticketIds.forEach(ticketId -> changes.put(ticketId, new ArrayList<>()));
        @SuppressWarnings("unchecked")
        List<PriorityChangeEntity> stored = getEntityManager().createNativeQuery(
                        "SELECT * FROM sla_priority_change WHERE ticket_id = ANY (CAST(?1 AS varchar[]))",
                        PriorityChangeEntity.class)
                // Read at a batch's start, when nothing is pending: no flush, not even of an empty context.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, ticketIds.toArray(String[]::new))
                .getResultList();
        stored.forEach(e -> changes.get(e.ticketId).add(new PriorityChange(e.kind, e.priority, e.decidedAt)));
        return changes;
    }
}

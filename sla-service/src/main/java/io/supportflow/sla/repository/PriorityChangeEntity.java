package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PriorityChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    public static void record(String eventId, String ticketId, PriorityChange change) {
        PriorityChangeEntity entity = new PriorityChangeEntity();
        entity.eventId = eventId;
        entity.ticketId = ticketId;
        entity.kind = change.kind();
        entity.priority = change.priority();
        entity.decidedAt = change.at();
        entity.persist();
    }

    public static List<PriorityChange> of(String ticketId) {
        return PriorityChangeEntity.<PriorityChangeEntity>list("ticketId", ticketId).stream()
                .map(e -> new PriorityChange(e.kind, e.priority, e.decidedAt))
                .toList();
    }
}

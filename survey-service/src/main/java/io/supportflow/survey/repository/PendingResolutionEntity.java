package io.supportflow.survey.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resolution whose ticket has not arrived yet; its survey is created when the ticket comes. */
@Entity
@Table(name = "pending_resolution")
public class PendingResolutionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "resolved_event_id")
    public String resolvedEventId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The resolutions waiting for {@code ticketIds}, by ticket, oldest first. */
    public static Map<String, List<PendingResolutionEntity>> ofTickets(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<PendingResolutionEntity> waiting = getEntityManager().createNativeQuery("""
                        SELECT * FROM pending_resolution WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY resolved_at""",
                        PendingResolutionEntity.class)
                .setParameter(1, ticketIds.toArray(String[]::new))
                .getResultList();
        return waiting.stream()
                .collect(Collectors.groupingBy(pending -> pending.ticketId));
    }
}

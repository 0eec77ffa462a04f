package io.supportflow.survey.repository;

import java.time.Instant;
import java.util.List;

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

    public static List<PendingResolutionEntity> ofTicket(String ticketId) {
        return list("ticketId = ?1 order by resolvedAt", ticketId);
    }
}

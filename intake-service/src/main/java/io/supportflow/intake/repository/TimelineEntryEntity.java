package io.supportflow.intake.repository;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event in a ticket's timeline: what happened, when (event time), and which service said so. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntryEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "event_time")
    public Instant eventTime;
    public String source;
    public String topic;
    public String summary;

    public static List<TimelineEntryEntity> of(String ticketId) {
        return list("ticketId = ?1 order by eventTime, eventId", ticketId);
    }
}

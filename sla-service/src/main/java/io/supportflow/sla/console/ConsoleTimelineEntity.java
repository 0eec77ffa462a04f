package io.supportflow.sla.console;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of a ticket's timeline only the console keeps: an event of tickets.lifecycle or tickets.notifications. */
@Entity
@Table(name = "console_timeline")
public class ConsoleTimelineEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "ticket_id")
    public String ticketId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    public String summary;

    static ConsoleTimelineEntity of(String eventId, String ticketId, TimelineEntry entry) {
        ConsoleTimelineEntity line = new ConsoleTimelineEntity();
        line.eventId = eventId;
        line.ticketId = ticketId;
        line.at = entry.at();
        line.kind = entry.kind();
        line.summary = entry.summary();
        return line;
    }

    static List<TimelineEntry> ofTicket(String ticketId) {
        return ConsoleTimelineEntity.<ConsoleTimelineEntity>list("ticketId", Sort.by("at").and("eventId"), ticketId)
                .stream().map(line -> new TimelineEntry(line.at, line.kind, line.summary)).toList();
    }
}

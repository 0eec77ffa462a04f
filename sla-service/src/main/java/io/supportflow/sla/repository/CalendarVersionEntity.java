package io.supportflow.sla.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.supportflow.events.CalendarEvent;
import io.supportflow.events.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of a schedule or a rotation ({@link CalendarKind}): the event that published it. */
@Entity
@Table(name = "sla_calendar_version")
@IdClass(CalendarVersionEntity.Key.class)
public class CalendarVersionEntity extends PanacheEntityBase {

    private static final String OF_ONE = "kind = ?1 and calendarId = ?2";

    @Id
    public String kind;
    @Id
    @Column(name = "calendar_id")
    public String calendarId;
    @Id
    public int version;
    /** The event's JSON (EventJson); PostgreSQL keeps it as jsonb. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String definition;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static <E extends CalendarEvent> void store(CalendarKind<E> kind, E changed) {
        CalendarKind.Stamp stamp = kind.stampOf(changed);
        CalendarVersionEntity entity = new CalendarVersionEntity();
        entity.kind = kind.name();
        entity.calendarId = stamp.id();
        entity.version = stamp.version();
        entity.definition = EventJson.write(changed);
        entity.changedBy = stamp.changedBy();
        entity.changedAt = stamp.at();
        entity.persist();
    }

    /**
     * Holds, until the transaction ends, the right to add the next version of {@code calendarId}: two changes
     * of one calendar take turns instead of both computing the same version number.
     */
    public static void lockChangesOf(CalendarKind<?> kind, String calendarId) {
        VersionLocks.lock(getEntityManager(), kind.lockSpace(), calendarId);
    }

    public static <E extends CalendarEvent> Optional<E> latest(CalendarKind<E> kind, String calendarId) {
        return CalendarVersionEntity.<CalendarVersionEntity>find(OF_ONE, Sort.descending("version"), kind.name(),
                        calendarId)
                .firstResultOptional().map(entity -> entity.changed(kind));
    }

    /** Every version of {@code calendarId}, the first first; empty for an unknown calendar. */
    public static <E extends CalendarEvent> List<E> history(CalendarKind<E> kind, String calendarId) {
        return CalendarVersionEntity.<CalendarVersionEntity>list(OF_ONE, Sort.ascending("version"), kind.name(),
                        calendarId)
                .stream().map(entity -> entity.changed(kind)).toList();
    }

    /** The latest version of every calendar of {@code kind}, by id. */
    public static <E extends CalendarEvent> List<E> latestOfEach(CalendarKind<E> kind) {
        @SuppressWarnings("unchecked")
        List<CalendarVersionEntity> latest = getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (calendar_id) * FROM sla_calendar_version WHERE kind = ?1
                        ORDER BY calendar_id, version DESC""", CalendarVersionEntity.class)
                .setParameter(1, kind.name())
                .getResultList();
        return latest.stream().map(entity -> entity.changed(kind)).toList();
    }

    private <E extends CalendarEvent> E changed(CalendarKind<E> kind) {
        return EventJson.read(definition, kind.type());
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        public String kind;
        public String calendarId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(kind, key.kind)
                    && Objects.equals(calendarId, key.calendarId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, calendarId, version);
        }
    }
}

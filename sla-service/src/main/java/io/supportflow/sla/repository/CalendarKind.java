package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.function.Function;

import io.supportflow.events.CalendarEvent;
import io.supportflow.events.RotationChanged;
import io.supportflow.events.ScheduleChanged;

/**
 * The two kinds of calendar {@link CalendarVersionEntity} keeps, each version being the event that published it:
 * what the kind is called in the table (and in its events' keys and roles), and how to read the parts every
 * version has from its event.
 */
public final class CalendarKind<E extends CalendarEvent> {

    public static final CalendarKind<ScheduleChanged> SCHEDULE = new CalendarKind<>("schedule", 1,
            ScheduleChanged.class,
            changed -> new Stamp(changed.scheduleId(), changed.version(), changed.changedBy(), changed.at()));
    public static final CalendarKind<RotationChanged> ROTATION = new CalendarKind<>("rotation", 2,
            RotationChanged.class,
            changed -> new Stamp(changed.rotationId(), changed.version(), changed.changedBy(), changed.at()));

    private final String name;
    /** The first key of the advisory lock on a calendar of this kind (see {@link VersionLocks}); never to change. */
    private final int lockSpace;
    private final Class<E> type;
    private final Function<E, Stamp> stamp;

    private CalendarKind(String name, int lockSpace, Class<E> type, Function<E, Stamp> stamp) {
        this.name = name;
        this.lockSpace = lockSpace;
        this.type = type;
        this.stamp = stamp;
    }

    /**
     * {@code schedule} or {@code rotation}, as stored in {@code sla_calendar_version.kind}; also the start of the
     * role its events are published under ({@code schedule-changed}), which their ids derive from: never to change.
     */
    public String name() {
        return name;
    }

    public Stamp stampOf(E changed) {
        return stamp.apply(changed);
    }

    int lockSpace() {
        return lockSpace;
    }

    Class<E> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }

    /** What every version says beside its content: which calendar, which version, who changed it and when. */
    public record Stamp(String id, int version, String changedBy, Instant at) {
    }
}

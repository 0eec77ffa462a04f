package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.supportflow.events.CalendarEvent;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.sla.repository.CalendarKind;
import io.supportflow.sla.repository.CalendarVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The versions of schedules and rotations, kept the same way for both: a change is stored as the calendar's next
 * version, under a lock on its id, and published as its event through the outbox in the same transaction, or
 * nothing happens. What a version holds, and whether it is valid, is {@link ScheduleService}'s and
 * {@link RotationService}'s to say.
 */
@ApplicationScoped
public class CalendarVersions {

    private final Outbox outbox;
    private final Calendars calendars;
    private final Clock clock;

    CalendarVersions(Outbox outbox, Calendars calendars, Clock clock) {
        this.outbox = outbox;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** The latest version of every calendar of {@code kind}, by id. */
    public <E extends CalendarEvent> List<E> latestOfEach(CalendarKind<E> kind) {
        return CalendarVersionEntity.latestOfEach(kind);
    }

    public <E extends CalendarEvent> Optional<E> latest(CalendarKind<E> kind, String id) {
        return CalendarVersionEntity.latest(kind, id);
    }

    /** Every version, the first first; empty for an unknown calendar. */
    public <E extends CalendarEvent> List<E> history(CalendarKind<E> kind, String id) {
        return CalendarVersionEntity.history(kind, id);
    }

    /** Stores {@code next} as the calendar's next version, the first if it has none. */
    @Transactional
    <E extends CalendarEvent> E change(CalendarKind<E> kind, String id, String changedBy, Next<E> next) {
        return addNext(kind, id, changedBy, latest -> Optional.of(next)).orElseThrow();
    }

    /** Stores {@code first} as version 1 unless the calendar exists (another instance may be storing it too). */
    @Transactional
    <E extends CalendarEvent> Optional<E> createIfAbsent(CalendarKind<E> kind, String id, String changedBy,
                                                         Next<E> first) {
        return addNext(kind, id, changedBy, latest -> latest.isPresent() ? Optional.empty() : Optional.of(first));
    }

    /** Stores what {@code next} makes of the latest version as the next one; nothing for an unknown calendar. */
    @Transactional
    <E extends CalendarEvent> Optional<E> changeExisting(CalendarKind<E> kind, String id, String changedBy,
                                                         Function<E, Next<E>> next) {
        return addNext(kind, id, changedBy, latest -> latest.map(next));
    }

    /**
     * Under the calendar's lock: asks {@code next} what follows its latest version (empty when it has none yet),
     * and stores and publishes that as the version after it; nothing when the answer is empty.
     */
    private <E extends CalendarEvent> Optional<E> addNext(CalendarKind<E> kind, String id, String changedBy,
                                                          Function<Optional<E>, Optional<Next<E>>> next) {
        CalendarVersionEntity.lockChangesOf(kind, id);
        Optional<E> latest = CalendarVersionEntity.latest(kind, id);
        int version = latest.map(changed -> kind.stampOf(changed).version()).orElse(0) + 1;
        return next.apply(latest).map(draft -> publish(kind, draft.version(id, version, changedBy, clock.instant())));
    }

    /**
     * Stores {@code changed} and adds it to the outbox. Its event id is derived from {@code <kind>:<id>/v<n>} and
     * the role {@code schedule-changed} / {@code rotation-changed}: the same version is always the same event.
     */
    private <E extends CalendarEvent> E publish(CalendarKind<E> kind, E changed) {
        CalendarVersionEntity.store(kind, changed);
        CalendarKind.Stamp stamp = kind.stampOf(changed);
        outbox.add(changed.key() + "/v" + stamp.version(), kind.name() + "-changed", stamp.at(), changed);
        calendars.takeOnCommit(changed);
        return changed;
    }

    /** A checked schedule or rotation (a draft's {@code version}), waiting for its id, number and moment. */
    @FunctionalInterface
    interface Next<E extends CalendarEvent> {

        E version(String id, int version, String changedBy, Instant at);
    }
}

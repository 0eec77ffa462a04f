package io.supportflow.sla.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.supportflow.events.CalendarEvent;
import io.supportflow.events.RotationChanged;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.sla.domain.hours.BusinessSchedule;
import io.supportflow.sla.domain.hours.OnCallRotation;
import io.supportflow.sla.repository.CalendarKind;
import io.supportflow.sla.repository.CalendarVersionEntity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The latest version of every schedule and rotation, in memory, for code that asks many times a second. Loaded
 * at start; a change made here is taken in when its transaction commits, one made on another instance when its
 * event arrives on {@code sla.schedules} ({@code messaging.CalendarListener}). Versions only go up: whichever
 * way a version arrives, an older one never replaces a newer one.
 */
@ApplicationScoped
@Startup
public class Calendars {

    private final Map<String, Latest<BusinessSchedule>> schedules = new ConcurrentHashMap<>();
    private final Map<String, Latest<OnCallRotation>> rotations = new ConcurrentHashMap<>();
    private final CalendarDefaults defaults;
    private final TransactionSynchronizationRegistry transaction;
    /** The configured default, for the moments before it is stored (a first start). */
    private BusinessSchedule configuredDefault;

    Calendars(CalendarDefaults defaults, TransactionSynchronizationRegistry transaction) {
        this.defaults = defaults;
        this.transaction = transaction;
    }

    @PostConstruct
    void load() {
        configuredDefault = BusinessSchedule.from(defaults.schedule()
                .version(CalendarDefaults.DEFAULT, 1, CalendarDefaults.CHANGED_BY, Instant.EPOCH));
        QuarkusTransaction.joiningExisting().run(() -> {
            CalendarVersionEntity.latestOfEach(CalendarKind.SCHEDULE).forEach(this::take);
            CalendarVersionEntity.latestOfEach(CalendarKind.ROTATION).forEach(this::take);
        });
    }

    /** The latest version of schedule {@code scheduleId}; the {@code default} schedule when there is none such. */
    public BusinessSchedule schedule(String scheduleId) {
        Latest<BusinessSchedule> latest = schedules.get(scheduleId);
        if (latest == null) {
            latest = schedules.get(CalendarDefaults.DEFAULT);
        }
        return latest == null ? configuredDefault : latest.value();
    }

    public Optional<OnCallRotation> rotation(String rotationId) {
        return Optional.ofNullable(rotations.get(rotationId)).map(Latest::value);
    }

    /** Every schedule's latest version, by id. */
    public List<BusinessSchedule> schedules() {
        return new TreeMap<>(schedules).values().stream().map(Latest::value).toList();
    }

    /** Every rotation's latest version, by id. */
    public List<OnCallRotation> rotations() {
        return new TreeMap<>(rotations).values().stream().map(Latest::value).toList();
    }

    /**
     * Takes in a version another instance stored, as its event on sla.schedules tells it: the event is the whole
     * definition. An older version than the one held is passed over, so the order records arrive in does not matter.
     */
    public void take(CalendarEvent changed) {
        if (changed instanceof ScheduleChanged schedule) {
            take(schedule);
        } else if (changed instanceof RotationChanged rotation) {
            take(rotation);
        }
    }

    /** Takes in {@code changed} if and when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    void takeOnCommit(CalendarEvent changed) {
        afterCommit(() -> take(changed));
    }


    private void take(ScheduleChanged changed) {
        keepNewer(schedules, changed.scheduleId(), new Latest<>(changed.version(), BusinessSchedule.from(changed)));
    }

    private void take(RotationChanged changed) {
        keepNewer(rotations, changed.rotationId(), new Latest<>(changed.version(), OnCallRotation.from(changed)));
    }

    private static <T> void keepNewer(Map<String, Latest<T>> versions, String id, Latest<T> offered) {
        versions.merge(id, offered, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
    }

    private void afterCommit(Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private record Latest<T>(int version, T value) {
    }
}

package io.supportflow.sla.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.supportflow.events.Holiday;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.sla.domain.hours.BusinessSchedule;

/**
 * A schedule's latest version, and whether it is open now; {@code nextOpening} is now while open, null when it
 * never opens again.
 */
public record ScheduleView(String id, int version, String zone, Map<DayOfWeek, List<OpeningInterval>> week,
                           List<Holiday> holidays, String changedBy, Instant changedAt, boolean openNow,
                           Instant nextOpening) {

    static ScheduleView of(ScheduleChanged changed, Instant now) {
        BusinessSchedule schedule = BusinessSchedule.from(changed);
        return new ScheduleView(changed.scheduleId(), changed.version(), changed.zone(), weekOf(changed),
                holidaysOf(changed), changed.changedBy(), changed.at(), schedule.isOpen(now),
                schedule.nextOpening(now).orElse(null));
    }

    /** Monday first. */
    static Map<DayOfWeek, List<OpeningInterval>> weekOf(ScheduleChanged changed) {
        return new TreeMap<>(changed.week());
    }

    /** By date. */
    static List<Holiday> holidaysOf(ScheduleChanged changed) {
        return changed.holidays().stream().sorted(Comparator.comparing(Holiday::date)).toList();
    }
}

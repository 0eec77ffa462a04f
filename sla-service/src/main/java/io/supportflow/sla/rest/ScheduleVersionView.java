package io.supportflow.sla.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Holiday;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;

/** One version in a schedule's history, as it was stored. */
public record ScheduleVersionView(int version, String zone, Map<DayOfWeek, List<OpeningInterval>> week,
                                  List<Holiday> holidays, String changedBy, Instant changedAt) {

    static ScheduleVersionView of(ScheduleChanged changed) {
        return new ScheduleVersionView(changed.version(), changed.zone(), ScheduleView.weekOf(changed),
                ScheduleView.holidaysOf(changed), changed.changedBy(), changed.at());
    }
}

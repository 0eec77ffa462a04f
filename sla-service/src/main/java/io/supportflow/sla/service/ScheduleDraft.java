package io.supportflow.sla.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Holiday;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.runtime.problem.FieldError;

/**
 * A schedule as somebody asked for it: the parts that could be read, and a field error for each part that could
 * not (a day name or a date that is none), so that one answer names every field at fault. Until it is checked it
 * may hold nulls where the request did (a null interval, a holiday whose date could not be read), each in its
 * place, so that the rules name the same index the request had.
 */
public record ScheduleDraft(String zone, Map<DayOfWeek, List<OpeningInterval>> week, List<Holiday> holidays,
                            List<FieldError> unreadable) {

    public ScheduleDraft {
        week = Collections.unmodifiableMap(new LinkedHashMap<>(week));
        holidays = Collections.unmodifiableList(new ArrayList<>(holidays));
        unreadable = List.copyOf(unreadable);
    }

    /** The draft as version {@code version}; only for a checked draft, which holds no nulls. */
    ScheduleChanged version(String scheduleId, int version, String changedBy, Instant at) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> days.put(day, List.copyOf(intervals)));
        return new ScheduleChanged(scheduleId, version, zone, days, holidays, changedBy, at);
    }
}

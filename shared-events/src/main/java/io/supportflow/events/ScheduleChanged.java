package io.supportflow.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A business-hours schedule, as it reads from {@code version} on.
 *
 * @param zone     an IANA time zone id, e.g. Europe/Berlin
 * @param week     opening intervals per day; a day not listed is closed
 * @param holidays days closed whatever the week says
 */
public record ScheduleChanged(String scheduleId, int version, String zone, Map<DayOfWeek, List<OpeningInterval>> week,
                              List<Holiday> holidays, String changedBy, Instant at) implements CalendarEvent {

    public ScheduleChanged {
        week = Map.copyOf(week);
        holidays = List.copyOf(holidays);
    }

    @Override
    public String key() {
        return "schedule:" + scheduleId;
    }
}

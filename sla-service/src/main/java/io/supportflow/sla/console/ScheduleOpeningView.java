package io.supportflow.sla.console;

import java.time.Instant;

import io.supportflow.sla.domain.hours.BusinessSchedule;

/**
 * Whether a schedule is open now and when it next opens: {@code nextOpening} is now while it is open and null when it
 * stays closed for {@link BusinessSchedule#HORIZON_DAYS} days. {@code zone} is the IANA zone its hours are kept in.
 */
public record ScheduleOpeningView(String scheduleId, String zone, boolean openNow, Instant nextOpening) {

    static ScheduleOpeningView of(BusinessSchedule schedule, Instant now) {
        return new ScheduleOpeningView(schedule.id(), schedule.zone().getId(), schedule.isOpen(now),
                schedule.nextOpening(now).orElse(null));
    }
}

package io.supportflow.sla.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import io.supportflow.events.Holiday;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.sla.domain.hours.HolidayCalendar;
import io.supportflow.sla.domain.hours.MalformedCalendarException;
import io.supportflow.sla.domain.hours.ScheduleRules;
import io.supportflow.sla.repository.CalendarKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business-hours schedules: every change is checked, then stored as the schedule's next version and published as
 * a {@link ScheduleChanged} ({@link CalendarVersions}), or refused whole.
 */
@ApplicationScoped
public class ScheduleService {

    /** An imported calendar's holidays are kept from a year back (for recomputing past tickets) to ten years ahead. */
    static final Period HOLIDAYS_BEFORE = Period.ofYears(1);
    static final Period HOLIDAYS_AHEAD = Period.ofYears(10);

    private final CalendarVersions versions;
    private final Clock clock;

    ScheduleService(CalendarVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** Stores {@code draft} as the schedule's next version, the first if it has none. */
    public ScheduleChanged change(String scheduleId, ScheduleDraft draft, String changedBy) {
        requireValid(draft);
        return versions.change(CalendarKind.SCHEDULE, scheduleId, changedBy, draft::version);
    }

    /** Replaces the holidays of an existing schedule by those of an iCalendar file, as its next version. */
    public Optional<ScheduleChanged> importHolidays(String scheduleId, String icalendar, String changedBy) {
        return versions.changeExisting(CalendarKind.SCHEDULE, scheduleId, changedBy, current -> {
            ScheduleDraft draft = new ScheduleDraft(current.zone(), current.week(),
                    holidaysIn(icalendar, LocalDate.now(clock)), List.of());
            requireValid(draft);
            return draft::version;
        });
    }

    /** Stores {@code draft} as version 1 unless the schedule exists. */
    public Optional<ScheduleChanged> createIfAbsent(String scheduleId, ScheduleDraft draft, String changedBy) {
        requireValid(draft);
        return versions.createIfAbsent(CalendarKind.SCHEDULE, scheduleId, changedBy, draft::version);
    }

    /**
     * The holidays an iCalendar file names from a year before {@code today} to ten years after it, each
     * recurring one once a year.
     *
     * @throws InvalidCalendarException naming {@code holidays} when the file is not iCalendar
     */
    static List<Holiday> holidaysIn(String icalendar, LocalDate today) {
        try {
            return HolidayCalendar.read(icalendar, today.minus(HOLIDAYS_BEFORE), today.plus(HOLIDAYS_AHEAD));
        } catch (MalformedCalendarException e) {
            throw new InvalidCalendarException("The holiday calendar cannot be read",
                    List.of(new FieldError("holidays", "is not an iCalendar file (RFC 5545): " + e.getMessage())));
        }
    }

    private static void requireValid(ScheduleDraft draft) {
        InvalidCalendarException.throwIfAny("The schedule is not valid", draft.unreadable(),
                ScheduleRules.problems(draft.zone(), draft.week(), draft.holidays()));
    }
}

package io.supportflow.sla.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.supportflow.events.Holiday;
import io.supportflow.events.OpeningInterval;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.sla.service.ScheduleDraft;

/**
 * A schedule as ops send it: {@code {"zone": "Europe/Berlin", "week": {"MONDAY": [{"from": "08:00", "to": "18:00"}]},
 * "holidays": [{"date": "2027-10-03", "name": "Tag der Deutschen Einheit"}]}}. Day names and dates arrive as text
 * and are read here, so a bad one is named by its place and never repeated back; the rest is checked by the
 * domain's rules ({@code ScheduleRules}). The fields only a GET shows (id, version, author, whether it is open)
 * may come along in a body read and sent back, and are ignored.
 */
@JsonIgnoreProperties({"id", "version", "changedBy", "changedAt", "openNow", "nextOpening"})
public record ScheduleRequest(String zone, Map<String, List<OpeningInterval>> week, List<HolidayRequest> holidays) {

    /** One day closed; {@code date} is ISO-8601, e.g. 2027-10-03. */
    public record HolidayRequest(String date, String name) {
    }

    ScheduleDraft draft() {
        List<FieldError> unreadable = new ArrayList<>();
        Map<DayOfWeek, List<OpeningInterval>> days = week(unreadable);
        List<Holiday> closed = holidays(unreadable);
        return new ScheduleDraft(zone, days, closed, unreadable);
    }

    /** The days by name; a null list or interval stays in its place for the rules to name. */
    private Map<DayOfWeek, List<OpeningInterval>> week(List<FieldError> unreadable) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        if (week == null) {
            unreadable.add(new FieldError("week", "is required: opening intervals per day, e.g. "
                    + "{\"MONDAY\": [{\"from\": \"08:00\", \"to\": \"18:00\"}]}; a day not listed is closed"));
            return days;
        }
        week.forEach((name, intervals) -> {
            Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(name)).findFirst();
            if (day.isEmpty()) {
                unreadable.add(new FieldError("week", "has a day that is not one of " + Arrays.toString(DayOfWeek.values())));
            } else {
                days.put(day.get(), intervals == null ? null : new ArrayList<>(intervals));
            }
        });
        return days;
    }

    /** Absent is none; a holiday whose date cannot be read keeps its place, without a date, for the name's check. */
    private List<Holiday> holidays(List<FieldError> unreadable) {
        List<Holiday> closed = new ArrayList<>();
        if (holidays == null) {
            return closed;
        }
        for (int i = 0; i < holidays.size(); i++) {
            HolidayRequest holiday = holidays.get(i);
            if (holiday == null) {
                closed.add(null);
                continue;
            }
            Optional<LocalDate> date = dateOf(holiday.date());
            if (holiday.date() != null && date.isEmpty()) {
                unreadable.add(new FieldError("holidays[" + i + "].date", "must be a date such as 2027-10-03"));
            }
            closed.add(new Holiday(date.orElse(null), holiday.name()));
        }
        return closed;
    }

    private static Optional<LocalDate> dateOf(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

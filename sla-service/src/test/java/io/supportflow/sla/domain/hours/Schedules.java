package io.supportflow.sla.domain.hours;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.supportflow.events.Holiday;

/** Schedules the tests share, and the shipped German holiday calendar. */
final class Schedules {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String GERMAN_HOLIDAYS = "/schedules/german-public-holidays.ics";

    private Schedules() {
    }

    /** Mon–Fri 08:00–18:00 in Berlin, closed on the shipped German public holidays. */
    static BusinessSchedule berlinOffice() {
        return new BusinessSchedule("default", BERLIN, weekdays(DailyInterval.parse("08:00", "18:00")), germanHolidays());
    }

    static Map<DayOfWeek, List<DailyInterval>> weekdays(DailyInterval... intervals) {
        Map<DayOfWeek, List<DailyInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(intervals));
        }
        return week;
    }

    static Set<LocalDate> germanHolidays() {
        try {
            Set<LocalDate> dates = new TreeSet<>();
            for (Holiday holiday : HolidayCalendar.read(shippedCalendar(), LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1))) {
                dates.add(holiday.date());
            }
            return dates;
        } catch (MalformedCalendarException e) {
            throw new AssertionError("The shipped holiday calendar does not parse", e);
        }
    }

    static String shippedCalendar() {
        try (InputStream in = Schedules.class.getResourceAsStream(GERMAN_HOLIDAYS)) {
            if (in == null) {
                throw new AssertionError(GERMAN_HOLIDAYS + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant given as local wall time, e.g. {@code at("2026-03-06T17:59", BERLIN)}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }
}

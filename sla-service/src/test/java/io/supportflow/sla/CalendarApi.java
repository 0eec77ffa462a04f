package io.supportflow.sla;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** Schedules and rotations set up over sla-service's API as ops would, and local times found in a test's stretch. */
final class CalendarApi {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private CalendarApi() {
    }

    /** The first {@code day} at {@code time} in {@code zone} after {@code after}. */
    static ZonedDateTime next(DayOfWeek day, LocalTime time, ZoneId zone, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        return ZonedDateTime.of(LocalDateTime.of(date, time), zone);
    }

    /** Stores a version of schedule {@code id} (JSON as the API takes it). */
    static void putSchedule(String id, String json) {
        CalendarRequests.opsJson(json).put(CalendarRequests.SCHEDULES + id)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    /** Replaces schedule {@code id}'s holidays with those of an iCalendar file. */
    static void importHolidays(String id, String icalendar) {
        CalendarRequests.ops().contentType("text/calendar").body(icalendar)
                .put(CalendarRequests.SCHEDULES + id + "/holidays")
                .then().statusCode(anyOf(is(200), is(201)));
    }

    static void putRotation(String id, String json) {
        CalendarRequests.opsJson(json).put(CalendarRequests.ROTATIONS + id)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    /** An iCalendar file with one all-day holiday. */
    static String holidayCalendar(LocalDate date, String name) {
        String day = date.toString().replace("-", "");
        String next = date.plusDays(1).toString().replace("-", "");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SupportFlow tests//EN",
                "BEGIN:VEVENT", "UID:" + day + "@tests.supportflow", "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + next, "SUMMARY:" + name, "END:VEVENT",
                "END:VCALENDAR", "");
    }
}

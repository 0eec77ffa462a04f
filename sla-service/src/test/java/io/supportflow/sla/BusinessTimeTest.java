package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.testing.SupportFlowTestResource;

/**
 * Business time of a schedule ops set up over the API (the EDUCATION plan's, "campus", in tests): holidays imported
 * from an iCalendar file are skipped, and hours across a daylight-saving change count as the hours that really pass.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class BusinessTimeTest extends SlaTestBase {

    private static final String WEEKDAYS = """
            "MONDAY": [{"from": "08:00", "to": "18:00"}], "TUESDAY": [{"from": "08:00", "to": "18:00"}],
            "WEDNESDAY": [{"from": "08:00", "to": "18:00"}], "THURSDAY": [{"from": "08:00", "to": "18:00"}],
            "FRIDAY": [{"from": "08:00", "to": "18:00"}]""";

    @Test
    void aHolidayImportedFromAnICalendarFileIsSkipped() {
        CalendarApi.putSchedule("campus", """
                {"zone": "Europe/Berlin", "week": {%s}, "holidays": []}""".formatted(WEEKDAYS));
        ZonedDateTime friday = CalendarApi.next(DayOfWeek.FRIDAY, LocalTime.of(17, 59), CalendarApi.BERLIN, start);
        LocalDate monday = friday.toLocalDate().plusDays(3);
        CalendarApi.importHolidays("campus", CalendarApi.holidayCalendar(monday, "Campus day"));
        setClock(friday.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.EDUCATION, friday.toInstant()),
                ticket.assigned(Priority.P3, friday.toInstant()));

        HandlingScheduled scheduled = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        ZonedDateTime tuesday = friday.plusDays(4).with(LocalTime.of(8, 0));
        assertThat(scheduled.scheduleId()).isEqualTo("campus");
        assertThat(scheduled.handleFrom()).isEqualTo(tuesday.toInstant());
        assertThat(scheduled.dueAt()).isEqualTo(tuesday.with(LocalTime.of(18, 0)).toInstant());
    }

    /**
     * Open on Sundays from midnight to six, when clocks change: ten business hours from a Saturday-night ticket are
     * the Sunday's real hours (five when clocks spring forward, seven when they fall back) and the rest on Monday.
     */
    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, 1, 13:00", "Europe/Berlin, 2, 11:00",
            "America/New_York, 1, 13:00", "America/New_York, 2, 11:00"})
    void hoursAcrossADaylightSavingChangeCountAsTheyPass(String zoneId, int springThenFall, String mondayDue) {
        ZoneId zone = ZoneId.of(zoneId);
        ZoneOffsetTransition change = nextChange(zone, start, springThenFall);
        reserveTimeUntil(change.getInstant().plus(Duration.ofDays(3)));
        CalendarApi.putSchedule("campus", """
                {"zone": "%s", "week": {"SUNDAY": [{"from": "00:00", "to": "06:00"}], %s}, "holidays": []}"""
                .formatted(zoneId, WEEKDAYS));
        ZonedDateTime saturday = change.getDateTimeBefore().toLocalDate().minusDays(1).atTime(23, 0).atZone(zone);
        setClock(saturday.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.EDUCATION, saturday.toInstant()),
                ticket.assigned(Priority.P3, saturday.toInstant()));

        HandlingScheduled scheduled = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        LocalDate monday = saturday.toLocalDate().plusDays(2);
        assertThat(scheduled.handleFrom()).isEqualTo(saturday.plusHours(1).toInstant());
        assertThat(scheduled.dueAt()).isEqualTo(monday.atTime(LocalTime.parse(mondayDue)).atZone(zone).toInstant());
    }

    /** The next change into summer time ({@code 1}) or out of it ({@code 2}) after {@code after}. */
    private static ZoneOffsetTransition nextChange(ZoneId zone, Instant after, int springThenFall) {
        ZoneOffsetTransition change = zone.getRules().nextTransition(after);
        while (change.isGap() != (springThenFall == 1)) {
            change = zone.getRules().nextTransition(change.getInstant());
        }
        return change;
    }
}

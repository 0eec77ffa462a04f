package io.supportflow.sla.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.supportflow.events.Holiday;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.util.Configurator;

class HolidayCalendarTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2031, 1, 1);
    /** Text that must never come back in an error message. */
    private static final String SECRET = "SECRET-7f3a";

    private static String calendar(String... eventLines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SupportFlow//tests//EN\r\n"
                + String.join("\r\n", eventLines) + (eventLines.length == 0 ? "" : "\r\n") + "END:VCALENDAR\r\n";
    }

    private static String[] event(String... lines) {
        String[] all = new String[lines.length + 4];
        all[0] = "BEGIN:VEVENT";
        all[1] = "UID:" + Math.abs(String.join("", lines).hashCode()) + "@tests.supportflow.example";
        all[2] = "DTSTAMP:20260101T000000Z";
        System.arraycopy(lines, 0, all, 3, lines.length);
        all[all.length - 1] = "END:VEVENT";
        return all;
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    @Test
    void theShippedCalendarHoldsGermanysNineNationwideHolidaysFor2026To2030() throws Exception {
        List<Holiday> holidays = HolidayCalendar.read(Schedules.shippedCalendar(), FROM, TO);

        assertThat(holidays).hasSize(45);
        assertThat(holidays.stream().collect(Collectors.groupingBy(holiday -> holiday.date().getYear(), Collectors.counting())))
                .isEqualTo(Map.of(2026, 9L, 2027, 9L, 2028, 9L, 2029, 9L, 2030, 9L));
        assertThat(holidays.stream().filter(holiday -> holiday.date().getYear() == 2026))
                .containsExactly(
                        new Holiday(LocalDate.of(2026, 1, 1), "Neujahr"),
                        new Holiday(LocalDate.of(2026, 4, 3), "Karfreitag"),
                        new Holiday(LocalDate.of(2026, 4, 6), "Ostermontag"),
                        new Holiday(LocalDate.of(2026, 5, 1), "Tag der Arbeit"),
                        new Holiday(LocalDate.of(2026, 5, 14), "Christi Himmelfahrt"),
                        new Holiday(LocalDate.of(2026, 5, 25), "Pfingstmontag"),
                        new Holiday(LocalDate.of(2026, 10, 3), "Tag der Deutschen Einheit"),
                        new Holiday(LocalDate.of(2026, 12, 25), "1. Weihnachtstag"),
                        new Holiday(LocalDate.of(2026, 12, 26), "2. Weihnachtstag"));
    }

    @Test
    void theShippedCalendarsMovableFeastsFollowEaster() throws Exception {
        Map<LocalDate, String> byDate = HolidayCalendar.read(Schedules.shippedCalendar(), FROM, TO).stream()
                .collect(Collectors.toMap(Holiday::date, Holiday::name));
        // Easter Sunday 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21.
        for (LocalDate easter : List.of(LocalDate.of(2026, 4, 5), LocalDate.of(2027, 3, 28), LocalDate.of(2028, 4, 16),
                LocalDate.of(2029, 4, 1), LocalDate.of(2030, 4, 21))) {
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(byDate.get(easter.minusDays(2))).as("%s", easter).isEqualTo("Karfreitag");
            assertThat(byDate.get(easter.plusDays(1))).isEqualTo("Ostermontag");
            assertThat(byDate.get(easter.plusDays(39))).isEqualTo("Christi Himmelfahrt");
            assertThat(byDate.get(easter.plusDays(50))).isEqualTo("Pfingstmontag");
            assertThat(byDate).doesNotContainKey(easter);
        }
    }

    @Test
    void theShippedCalendarIsValidICalendar() throws Exception {
        var calendar = new CalendarBuilder().build(new StringReader(Schedules.shippedCalendar()));

        assertThat(calendar.validate().hasErrors()).as("%s", calendar.validate().getEntries()).isFalse();
    }

    @Test
    void aYearlyRuleIsExpandedWithinTheRange() throws Exception {
        String text = calendar(event("DTSTART;VALUE=DATE:20201003", "DTEND;VALUE=DATE:20201004", "RRULE:FREQ=YEARLY",
                "SUMMARY:Tag der Deutschen Einheit"));

        assertThat(HolidayCalendar.read(text, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 10, 3)))
                .containsExactly(new Holiday(LocalDate.of(2026, 10, 3), "Tag der Deutschen Einheit"),
                        new Holiday(LocalDate.of(2027, 10, 3), "Tag der Deutschen Einheit"));
    }

    @Test
    void exceptionsAndExtraDatesOfARuleCount() throws Exception {
        String text = calendar(event("DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=WEEKLY;COUNT=4",
                "EXDATE;VALUE=DATE:20260112", "RDATE;VALUE=DATE:20260301", "SUMMARY:Team day"));

        assertThat(HolidayCalendar.read(text, FROM, TO)).extracting(Holiday::date).containsExactly(
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 3, 1));
    }

    @Test
    void aMultiDayEventClosesEveryDayBeforeItsExclusiveEnd() throws Exception {
        String text = calendar(event("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227", "SUMMARY:Weihnachten"));

        assertThat(HolidayCalendar.read(text, FROM, TO)).extracting(Holiday::date)
                .containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(HolidayCalendar.read(text, LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)))
                .extracting(Holiday::date).containsExactly(LocalDate.of(2026, 12, 25));
    }

    @Test
    void withoutDtendAnAllDayEventIsOneDayAndADurationCountsDays() throws Exception {
        String text = calendar(concat(
                event("DTSTART;VALUE=DATE:20260601", "SUMMARY:One day"),
                event("DTSTART;VALUE=DATE:20260701", "DURATION:P2D", "SUMMARY:Two days")));

        assertThat(HolidayCalendar.read(text, FROM, TO)).containsExactly(
                new Holiday(LocalDate.of(2026, 6, 1), "One day"),
                new Holiday(LocalDate.of(2026, 7, 1), "Two days"),
                new Holiday(LocalDate.of(2026, 7, 2), "Two days"));
    }

    @Test
    void eventsWithATimeOfDayAreNotHolidaysAndTimeZonesAreReadOffline() throws Exception {
        // The TZURL would send a library that updates definitions to the network; there is none here.
        String text = calendar(concat(
                new String[] {"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "TZURL:http://tzurl.org/zoneinfo/Europe/Berlin",
                        "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "END:STANDARD",
                        "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "END:DAYLIGHT", "END:VTIMEZONE"},
                event("DTSTART;TZID=Europe/Berlin:20260801T100000", "DTEND;TZID=Europe/Berlin:20260801T110000", "SUMMARY:Meeting"),
                event("DTSTART;TZID=America/New_York:20260802T100000", "DTEND;TZID=America/New_York:20260802T110000", "SUMMARY:Call"),
                event("DTSTART;VALUE=DATE:20260815", "SUMMARY:Mariä Himmelfahrt")));

        assertThat(HolidayCalendar.read(text, FROM, TO)).containsExactly(new Holiday(LocalDate.of(2026, 8, 15), "Mariä Himmelfahrt"));
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
    }

    @Test
    void aDateTwoEventsShareIsOneHolidayNamedByTheFirst() throws Exception {
        String text = calendar(concat(
                event("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227", "SUMMARY:Betriebsferien"),
                event("DTSTART;VALUE=DATE:20261225", "SUMMARY:1. Weihnachtstag")));

        assertThat(HolidayCalendar.read(text, FROM, TO)).extracting(Holiday::name)
                .containsExactly("Betriebsferien", "Betriebsferien", "Betriebsferien");
    }

    @Test
    void namesAreOneLineAndAnEventWithoutSummaryIsCalledHoliday() throws Exception {
        String text = calendar(concat(
                event("DTSTART;VALUE=DATE:20260601", "SUMMARY:Erste Zeile\\nzweite Zeile"),
                event("DTSTART;VALUE=DATE:20260602")));

        assertThat(HolidayCalendar.read(text, FROM, TO)).extracting(Holiday::name)
                .containsExactly("Erste Zeile zweite Zeile", "Holiday");
    }

    @Test
    void aByteOrderMarkBeforeTheCalendarIsIgnored() throws Exception {
        String text = "\uFEFF" + calendar(event("DTSTART;VALUE=DATE:20260601", "SUMMARY:Pfingstmontag"));

        assertThat(HolidayCalendar.read(text, FROM, TO)).containsExactly(new Holiday(LocalDate.of(2026, 6, 1), "Pfingstmontag"));
    }

    @Test
    void aCalendarWithoutEventsOrAnEmptyRangeHasNoHolidays() throws Exception {
        assertThat(HolidayCalendar.read(calendar(), FROM, TO)).isEmpty();
        assertThat(HolidayCalendar.read(Schedules.shippedCalendar(), TO, FROM)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "SECRET-7f3a this is not a calendar",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:SECRET-7f3a\r\n",
            "BEGIN:VCALENDAR\r\nSECRET-7f3a\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026SECRET-7f3a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261345\r\nSUMMARY:SECRET-7f3a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=SECRET-7f3a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:SECRET-7f3a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260105\r\nDTEND;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260105\r\nDTEND:20260106T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260105\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"})
    void malformedTextIsRefusedWithAMessageThatDoesNotRepeatIt(String text) {
        assertThatThrownBy(() -> HolidayCalendar.read(text, FROM, TO))
                .isInstanceOf(MalformedCalendarException.class)
                .hasMessageNotContaining(SECRET)
                .message().isNotBlank();
    }

    @Test
    void theMessageSaysWhereTheFaultIs() {
        String noStart = calendar(concat(event("DTSTART;VALUE=DATE:20260601"), event("SUMMARY:no start")));

        assertThatThrownBy(() -> HolidayCalendar.read(noStart, FROM, TO)).hasMessage("Event 2 has no DTSTART");
        assertThatThrownBy(() -> HolidayCalendar.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nnonsense\r\nEND:VCALENDAR\r\n", FROM, TO))
                .hasMessageMatching("Not valid iCalendar \\(RFC 5545\\) at line \\d+");
    }
}

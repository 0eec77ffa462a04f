package io.supportflow.sla.domain.hours;

import static io.supportflow.sla.domain.hours.Schedules.BERLIN;
import static io.supportflow.sla.domain.hours.Schedules.NEW_YORK;
import static io.supportflow.sla.domain.hours.Schedules.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Open time is real elapsed time across daylight-saving changes. 2026: Europe/Berlin springs forward on Sunday
 * 29 March (02:00 → 03:00) and falls back on Sunday 25 October (03:00 → 02:00); America/New_York springs forward
 * on Sunday 8 March and falls back on Sunday 1 November (both at 02:00).
 */
class BusinessScheduleDstTest {

    private static BusinessSchedule sundays(ZoneId zone, String from, String to) {
        return new BusinessSchedule("sundays", zone, Map.of(DayOfWeek.SUNDAY, List.of(DailyInterval.parse(from, to))), Set.of());
    }

    private static BusinessSchedule everyDay(ZoneId zone, String from, String to) {
        Map<DayOfWeek, List<DailyInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(DailyInterval.parse(from, to)));
        }
        return new BusinessSchedule("every-day", zone, week, Set.of());
    }

    @ParameterizedTest(name = "{0} {1}: Sunday 00:00-06:00 holds {2} hours")
    @CsvSource({
            "Europe/Berlin,2026-03-29,5", "Europe/Berlin,2026-10-25,7", "Europe/Berlin,2026-03-22,6",
            "America/New_York,2026-03-08,5", "America/New_York,2026-11-01,7", "America/New_York,2026-03-01,6"})
    void earlySundayHoursFollowTheClockChange(String zone, String sunday, int hours) {
        BusinessSchedule schedule = sundays(ZoneId.of(zone), "00:00", "06:00");
        Instant midnight = at(sunday + "T00:00", ZoneId.of(zone));

        assertThat(schedule.businessTimeBetween(midnight, midnight.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(hours));
        // All of it is used up at 06:00 local, however many real hours that is.
        assertThat(schedule.plusBusinessTime(midnight, Duration.ofHours(hours))).isEqualTo(at(sunday + "T06:00", ZoneId.of(zone)));
    }

    @Test
    void newYorkSpringForwardReachesLocalTimeAnHourLaterThanNaiveArithmetic() {
        BusinessSchedule schedule = sundays(NEW_YORK, "00:00", "06:00");
        Instant midnight = at("2026-03-08T00:00", NEW_YORK);

        Instant due = schedule.plusBusinessTime(midnight, Duration.ofHours(3));

        assertThat(due).isEqualTo(at("2026-03-08T04:00", NEW_YORK));
        assertThat(ZonedDateTime.ofInstant(due, NEW_YORK).getHour()).isEqualTo(4);
        assertThat(due).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
    }

    @Test
    void newYorkFallBackReachesLocalTimeAnHourEarlierThanNaiveArithmetic() {
        BusinessSchedule schedule = sundays(NEW_YORK, "00:00", "06:00");
        Instant midnight = at("2026-11-01T00:00", NEW_YORK);

        Instant due = schedule.plusBusinessTime(midnight, Duration.ofHours(6));

        assertThat(due).isEqualTo(at("2026-11-01T05:00", NEW_YORK));
        assertThat(due).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0} {1}: the whole day holds {2} hours")
    @CsvSource({
            "Europe/Berlin,2026-03-29,23", "Europe/Berlin,2026-10-25,25",
            "America/New_York,2026-03-08,23", "America/New_York,2026-11-01,25"})
    void anAllDayScheduleCountsTheRealLengthOfTheDay(String zone, String sunday, int hours) {
        BusinessSchedule schedule = sundays(ZoneId.of(zone), "00:00", "24:00");
        Instant midnight = at(sunday + "T00:00", ZoneId.of(zone));
        Instant nextMidnight = at(sunday + "T00:00", ZoneId.of(zone)).atZone(ZoneId.of(zone)).plusDays(1).toInstant();

        assertThat(schedule.businessTimeBetween(midnight.minus(Duration.ofDays(1)), nextMidnight.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofHours(hours));
        assertThat(schedule.plusBusinessTime(midnight, Duration.ofHours(hours))).isEqualTo(nextMidnight);
        assertThat(schedule.isOpen(nextMidnight)).isFalse();
    }

    @Test
    void roundTheClockHoursAreExactlyElapsedTimeAcrossBothChanges() {
        for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
            BusinessSchedule always = everyDay(zone, "00:00", "24:00");
            // One range per change: an error at one change must not cancel out an error at the other.
            Instant spring = Instant.parse("2026-03-01T05:17:00Z");
            Instant summer = Instant.parse("2026-06-01T11:00:00Z");
            Instant autumn = Instant.parse("2026-11-15T19:03:00Z");

            assertThat(always.businessTimeBetween(spring, summer)).as("%s", zone).isEqualTo(Duration.between(spring, summer));
            assertThat(always.businessTimeBetween(summer, autumn)).as("%s", zone).isEqualTo(Duration.between(summer, autumn));
            assertThat(always.plusBusinessTime(spring, Duration.ofDays(100))).isEqualTo(spring.plus(Duration.ofDays(100)));
            assertThat(always.plusBusinessTime(summer, Duration.ofDays(160))).isEqualTo(summer.plus(Duration.ofDays(160)));
            assertThat(always.isOpen(at("2026-03-29T03:00", zone))).isTrue();
        }
    }

    @Test
    void anIntervalStartingInTheSpringGapOpensWhenTheClockReachesIt() {
        // 02:30 does not exist in Berlin on 29 March 2026: java.time moves it forward by the gap, to 03:30.
        BusinessSchedule schedule = sundays(BERLIN, "02:30", "05:00");

        assertThat(schedule.isOpen(at("2026-03-29T03:15", BERLIN))).isFalse();
        assertThat(schedule.nextOpening(at("2026-03-29T00:00", BERLIN))).contains(at("2026-03-29T03:30", BERLIN));
        assertThat(schedule.businessTimeBetween(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anIntervalStartingInTheAutumnOverlapStartsAtTheEarlierOffset() {
        // 02:30 happens twice in Berlin on 25 October 2026; the interval opens at the first, in summer time.
        BusinessSchedule schedule = sundays(BERLIN, "02:30", "04:00");
        Instant firstHalfPastTwo = Instant.parse("2026-10-25T00:30:00Z");

        assertThat(schedule.nextOpening(at("2026-10-25T00:00", BERLIN))).contains(firstHalfPastTwo);
        assertThat(schedule.businessTimeBetween(firstHalfPastTwo, Instant.parse("2026-10-25T05:00:00Z")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void aWorkingDayAcrossTheChangeKeepsItsLocalHours() {
        BusinessSchedule office = new BusinessSchedule("office", NEW_YORK,
                Schedules.weekdays(DailyInterval.parse("09:00", "17:00")), Set.of());

        // Friday 16:00 before spring forward + 2 business hours = Monday 10:00 local, a 23-hour weekend day between.
        assertThat(office.plusBusinessTime(at("2026-03-06T16:00", NEW_YORK), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-09T10:00", NEW_YORK));
        assertThat(office.plusBusinessTime(at("2026-10-30T16:00", NEW_YORK), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-02T10:00", NEW_YORK));
    }
}

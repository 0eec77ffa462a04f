package io.supportflow.sla.domain.hours;

import static io.supportflow.sla.domain.hours.Schedules.BERLIN;
import static io.supportflow.sla.domain.hours.Schedules.NEW_YORK;
import static io.supportflow.sla.domain.hours.Schedules.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Holiday;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;

class BusinessScheduleTest {

    private final BusinessSchedule office = Schedules.berlinOffice();

    @Test
    void aTicketAfterFridaysClosingWaitsForMondayAtEight() {
        Instant fridayEvening = at("2026-03-06T18:00", BERLIN);

        assertThat(office.isOpen(fridayEvening)).isFalse();
        assertThat(office.nextOpening(fridayEvening)).contains(at("2026-03-09T08:00", BERLIN));
        assertThat(office.nextOpening(at("2026-03-07T11:00", BERLIN))).contains(at("2026-03-09T08:00", BERLIN));
    }

    @Test
    void friday1759IsTheLastOpenMinuteSoAP3TargetCountsOneMinuteOnFriday() {
        Instant friday1759 = at("2026-03-06T17:59", BERLIN);

        assertThat(office.isOpen(friday1759)).isTrue();
        assertThat(office.nextOpening(friday1759)).contains(friday1759);
        // One minute on Friday, nine hours fifty-nine on Monday.
        assertThat(office.plusBusinessTime(friday1759, Duration.ofHours(10))).isEqualTo(at("2026-03-09T17:59", BERLIN));
        assertThat(office.plusBusinessTime(friday1759, Duration.ofMinutes(1))).isEqualTo(at("2026-03-06T18:00", BERLIN));
        assertThat(office.plusBusinessTime(friday1759, Duration.ofMinutes(2))).isEqualTo(at("2026-03-09T08:01", BERLIN));
    }

    @Test
    void businessTimeCountsOnlyOpenHours() {
        Instant friday17 = at("2026-03-06T17:00", BERLIN);

        assertThat(office.plusBusinessTime(friday17, Duration.ofHours(2))).isEqualTo(at("2026-03-09T09:00", BERLIN));
        assertThat(office.plusBusinessTime(friday17, Duration.ofHours(1))).isEqualTo(at("2026-03-06T18:00", BERLIN));
        assertThat(office.businessTimeBetween(friday17, at("2026-03-09T09:00", BERLIN))).isEqualTo(Duration.ofHours(2));
        assertThat(office.businessTimeBetween(at("2026-03-02T00:00", BERLIN), at("2026-03-09T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(50));
    }

    @Test
    void theOpeningInstantIsOpenAndTheClosingInstantIsNot() {
        assertThat(office.isOpen(at("2026-03-09T08:00", BERLIN))).isTrue();
        assertThat(office.isOpen(at("2026-03-09T07:59:59", BERLIN))).isFalse();
        assertThat(office.isOpen(at("2026-03-09T17:59:59", BERLIN))).isTrue();
        assertThat(office.isOpen(at("2026-03-09T18:00", BERLIN))).isFalse();
    }

    @Test
    void aHolidayFromTheShippedCalendarStaysClosed() {
        Instant eveningBeforeEinheit = at("2029-10-02T19:00", BERLIN);

        assertThat(LocalDate.of(2029, 10, 3).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(office.isOpen(at("2029-10-03T10:00", BERLIN))).isFalse();
        assertThat(office.nextOpening(eveningBeforeEinheit)).contains(at("2029-10-04T08:00", BERLIN));
        assertThat(office.plusBusinessTime(at("2029-10-02T17:00", BERLIN), Duration.ofHours(2)))
                .isEqualTo(at("2029-10-04T09:00", BERLIN));
    }

    @Test
    void easterClosesFromGoodFridayToEasterMonday() {
        Instant maundyThursdayEvening = at("2026-04-02T17:30", BERLIN);

        assertThat(office.plusBusinessTime(maundyThursdayEvening, Duration.ofHours(1)))
                .isEqualTo(at("2026-04-07T08:30", BERLIN));
        assertThat(office.businessTimeBetween(maundyThursdayEvening, at("2026-04-08T00:00", BERLIN)))
                .isEqualTo(Duration.ofMinutes(30 + 600));
    }

    @Test
    void aLunchBreakSplitsTheDay() {
        BusinessSchedule withLunch = new BusinessSchedule("lunch", BERLIN,
                Schedules.weekdays(DailyInterval.parse("13:00", "17:00"), DailyInterval.parse("08:00", "12:00")), Set.of());

        assertThat(withLunch.week().get(DayOfWeek.MONDAY)).extracting(DailyInterval::fromText).containsExactly("08:00", "13:00");
        assertThat(withLunch.isOpen(at("2026-03-09T12:30", BERLIN))).isFalse();
        assertThat(withLunch.nextOpening(at("2026-03-09T12:30", BERLIN))).contains(at("2026-03-09T13:00", BERLIN));
        assertThat(withLunch.plusBusinessTime(at("2026-03-09T11:30", BERLIN), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-09T13:30", BERLIN));
        assertThat(withLunch.plusBusinessTime(at("2026-03-09T11:30", BERLIN), Duration.ofHours(8)))
                .isEqualTo(at("2026-03-10T11:30", BERLIN));
        assertThat(withLunch.businessTimeBetween(at("2026-03-09T00:00", BERLIN), at("2026-03-10T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void intervalsThatTouchAreOneOpenStretchWhateverTheirOrder() {
        BusinessSchedule split = new BusinessSchedule("split", BERLIN,
                Schedules.weekdays(DailyInterval.parse("12:00", "18:00"), DailyInterval.parse("08:00", "12:00")), Set.of());

        assertThat(split.isOpen(at("2026-03-09T12:00", BERLIN))).isTrue();
        assertThat(split.plusBusinessTime(at("2026-03-09T11:30", BERLIN), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-09T12:30", BERLIN));
        assertThat(split.businessTimeBetween(at("2026-03-09T07:00", BERLIN), at("2026-03-09T19:00", BERLIN)))
                .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void overlappingIntervalsAreRefused() {
        Map<DayOfWeek, List<DailyInterval>> week =
                Map.of(DayOfWeek.MONDAY, List.of(DailyInterval.parse("08:00", "12:00"), DailyInterval.parse("11:00", "13:00")));

        assertThatThrownBy(() -> new BusinessSchedule("bad", BERLIN, week, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONDAY");
    }

    @Test
    void aScheduleWithoutOpeningHoursNeverOpens() {
        BusinessSchedule never = new BusinessSchedule("never", BERLIN, Map.of(DayOfWeek.MONDAY, List.of()), Set.of());
        Instant now = at("2026-03-09T10:00", BERLIN);

        assertThat(never.week()).isEmpty();
        assertThat(never.isOpen(now)).isFalse();
        assertThat(never.nextOpening(now)).isEmpty();
        assertThat(never.businessTimeBetween(now, now.plus(Duration.ofDays(30)))).isZero();
        assertThatThrownBy(() -> never.plusBusinessTime(now, Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never");
    }

    @Test
    void aScheduleClosedBeyondTheHorizonCountsAsNeverOpening() {
        Set<LocalDate> fourYearsOfHolidays = new TreeSet<>();
        LocalDate start = LocalDate.of(2026, 3, 9);
        start.datesUntil(start.plusYears(4)).forEach(fourYearsOfHolidays::add);
        BusinessSchedule closed = new BusinessSchedule("closed", BERLIN,
                Schedules.weekdays(DailyInterval.parse("08:00", "18:00")), fourYearsOfHolidays);

        assertThat(closed.nextOpening(at("2026-03-09T07:00", BERLIN))).isEmpty();
        assertThatThrownBy(() -> closed.plusBusinessTime(at("2026-03-06T17:00", BERLIN), Duration.ofHours(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zeroBusinessTimeIsTheStartAndANegativeAmountIsRefused() {
        Instant saturday = at("2026-03-07T10:00", BERLIN);

        assertThat(office.plusBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        assertThat(office.businessTimeBetween(saturday, saturday.minusSeconds(1))).isZero();
        assertThatThrownBy(() -> office.plusBusinessTime(saturday, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void businessTimeBetweenIsTheInverseOfPlusBusinessTime() {
        BusinessSchedule newYork = new BusinessSchedule("ny", NEW_YORK,
                Schedules.weekdays(DailyInterval.parse("09:00", "12:30"), DailyInterval.parse("13:15", "17:45"),
                        DailyInterval.parse("22:00", "24:00")),
                Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
        Random random = new Random(19);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (BusinessSchedule schedule : List.of(office, newYork)) {
            for (int i = 0; i < 500; i++) {
                Instant start = base.plusSeconds(random.nextInt(730 * 86_400));
                Duration amount = Duration.ofSeconds(1 + random.nextInt(200 * 3600));
                Instant due = schedule.plusBusinessTime(start, amount);

                assertThat(schedule.businessTimeBetween(start, due)).as("%s from %s", amount, start).isEqualTo(amount);
                assertThat(schedule.businessTimeBetween(start, due.minusSeconds(1))).isLessThan(amount);

                Instant later = start.plusSeconds(random.nextInt(20 * 86_400));
                Duration open = schedule.businessTimeBetween(start, later);
                Instant reached = schedule.plusBusinessTime(start, open);
                assertThat(reached).isBeforeOrEqualTo(later);
                assertThat(schedule.businessTimeBetween(reached, later)).isZero();
                assertThat(schedule.nextOpening(later).map(later::equals)).contains(schedule.isOpen(later));
            }
        }
    }

    @Test
    void aLongTargetWalksDayByDay() {
        Instant start = at("2026-03-02T08:00", BERLIN);
        Instant due = office.plusBusinessTime(start, Duration.ofHours(2_000));

        assertThat(office.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(2_000));
        // 200 working days of ten hours end on Friday 2026-12-04; the five holidays on weekdays push it a week on.
        assertThat(due).isEqualTo(at("2026-12-11T18:00", BERLIN));
    }

    @Test
    void theScheduleOfAScheduleChangedEvent() {
        ScheduleChanged event = new ScheduleChanged("default", 3, "Europe/Berlin",
                Map.of(DayOfWeek.MONDAY, List.of(new OpeningInterval("13:00", "24:00"), new OpeningInterval("08:00", "12:00"))),
                List.of(new Holiday(LocalDate.of(2026, 12, 28), "Betriebsferien")), "ops", Instant.EPOCH);

        BusinessSchedule schedule = BusinessSchedule.from(event);

        assertThat(schedule.id()).isEqualTo("default");
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.week()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(schedule.week().get(DayOfWeek.MONDAY))
                .containsExactly(DailyInterval.parse("08:00", "12:00"), DailyInterval.parse("13:00", "24:00"));
        assertThat(schedule.holidays()).containsExactly(LocalDate.of(2026, 12, 28));
        assertThat(schedule).isEqualTo(new BusinessSchedule("default", BERLIN,
                Map.of(DayOfWeek.MONDAY, List.of(DailyInterval.parse("08:00", "12:00"), DailyInterval.parse("13:00", "24:00"))),
                Set.of(LocalDate.of(2026, 12, 28))));
    }
}

package io.supportflow.sla.domain.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.domain.hours.BusinessSchedule;
import io.supportflow.sla.domain.hours.DailyInterval;

class HandlingPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessSchedule OFFICE = office(Set.of());
    /** A Wednesday. */
    private static final LocalDate DAY = LocalDate.of(2031, 4, 2);

    private final HandlingPolicy policy = new HandlingPolicy(Map.of(Priority.P1, HandlingMode.ROUND_THE_CLOCK,
            Priority.P2, HandlingMode.BUSINESS_HOURS_EXTENDED, Priority.P3, HandlingMode.BUSINESS_HOURS,
            Priority.P4, HandlingMode.BUSINESS_HOURS), Set.of(Plan.PRO), targets(), 0.75, Duration.ofMinutes(15));

    @Test
    void aP1IsHandledFromArrivalInCalendarTimeAndPagesEvenInBusinessHours() {
        ZonedDateTime noon = DAY.atTime(12, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.FREE, Priority.P1, noon.toInstant(), OFFICE);

        assertThat(plan.mode()).isEqualTo(HandlingMode.ROUND_THE_CLOCK);
        assertThat(plan.handleFrom()).isEqualTo(noon.toInstant());
        assertThat(plan.dueAt()).isEqualTo(noon.plusMinutes(30).toInstant());
        assertThat(plan.warnAt()).isEqualTo(noon.plusMinutes(22).plusSeconds(30).toInstant());
        assertThat(plan.businessTime()).isFalse();
        assertThat(plan.pageNow()).isTrue();
    }

    @Test
    void aP2InsideHoursWithExtendedCoverRunsInCalendarTimeWithoutAPage() {
        ZonedDateTime afternoon = DAY.atTime(17, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.PRO, Priority.P2, afternoon.toInstant(), OFFICE);

        assertThat(plan.dueAt()).isEqualTo(afternoon.plusHours(2).toInstant());
        assertThat(plan.pageNow()).isFalse();
    }

    @Test
    void aP2WithoutExtendedCoverCountsBusinessTimeAcrossTheNight() {
        ZonedDateTime afternoon = DAY.atTime(17, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.FREE, Priority.P2, afternoon.toInstant(), OFFICE);

        assertThat(plan.handleFrom()).isEqualTo(afternoon.toInstant());
        assertThat(plan.dueAt()).isEqualTo(DAY.plusDays(1).atTime(9, 0).atZone(BERLIN).toInstant());
        assertThat(plan.businessTime()).isTrue();
    }

    @Test
    void aP2OutsideHoursWithoutExtendedCoverWaitsForTheOpeningUnpaged() {
        ZonedDateTime evening = DAY.atTime(20, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.FREE, Priority.P2, evening.toInstant(), OFFICE);

        assertThat(plan.handleFrom()).isEqualTo(DAY.plusDays(1).atTime(8, 0).atZone(BERLIN).toInstant());
        assertThat(plan.dueAt()).isEqualTo(DAY.plusDays(1).atTime(10, 0).atZone(BERLIN).toInstant());
        assertThat(plan.pageNow()).isFalse();
    }

    @Test
    void aP2OutsideHoursWithExtendedCoverPages() {
        ZonedDateTime evening = DAY.atTime(20, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.PRO, Priority.P2, evening.toInstant(), OFFICE);

        assertThat(plan.handleFrom()).isEqualTo(evening.toInstant());
        assertThat(plan.pageNow()).isTrue();
    }

    @Test
    void aP4BeforeAHolidayStartsAfterIt() {
        BusinessSchedule withHoliday = office(Set.of(DAY.plusDays(1)));

        HandlingPlan plan = policy.plan(Plan.PRO, Priority.P4, DAY.atTime(19, 0).atZone(BERLIN).toInstant(),
                withHoliday);

        assertThat(plan.handleFrom()).isEqualTo(DAY.plusDays(2).atTime(8, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void aP3ArrivingInTheLastMinutesBeforeTheWeekendIsHandledFromMondayMorning() {
        LocalDate friday = LocalDate.of(2031, 4, 4);

        HandlingPlan lastMinute = policy.plan(Plan.PRO, Priority.P3, friday.atTime(17, 59).atZone(BERLIN).toInstant(),
                OFFICE);
        HandlingPlan beforeTheMargin = policy.plan(Plan.PRO, Priority.P3,
                friday.atTime(17, 45).atZone(BERLIN).toInstant(), OFFICE);

        ZonedDateTime monday = friday.plusDays(3).atTime(8, 0).atZone(BERLIN);
        assertThat(lastMinute.handleFrom()).isEqualTo(monday.toInstant());
        assertThat(lastMinute.dueAt()).isEqualTo(monday.plusHours(10).toInstant());
        assertThat(beforeTheMargin.handleFrom()).isEqualTo(friday.atTime(17, 45).atZone(BERLIN).toInstant());
        assertThat(beforeTheMargin.dueAt()).isEqualTo(monday.plusHours(9).plusMinutes(45).toInstant());
    }

    @Test
    void aScheduleThatNeverOpensCannotHoldATicketBackForEver() {
        BusinessSchedule closed = new BusinessSchedule("closed", BERLIN, Map.of(), Set.of());
        ZonedDateTime noon = DAY.atTime(12, 0).atZone(BERLIN);

        HandlingPlan plan = policy.plan(Plan.PRO, Priority.P3, noon.toInstant(), closed);

        assertThat(plan.handleFrom()).isEqualTo(noon.toInstant());
        assertThat(plan.dueAt()).isEqualTo(noon.plusHours(10).toInstant());
    }

    @Test
    void everyPriorityNeedsAMode() {
        assertThatThrownBy(() -> new HandlingPolicy(Map.of(Priority.P1, HandlingMode.ROUND_THE_CLOCK), Set.of(),
                targets(), 0.75, Duration.ofMinutes(15))).hasMessageContaining("P2");
    }

    private static PolicyTable targets() {
        Map<Plan, Map<Priority, Duration>> targets = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            targets.put(plan, Map.of(Priority.P1, Duration.ofMinutes(30), Priority.P2, Duration.ofHours(2),
                    Priority.P3, Duration.ofHours(10), Priority.P4, Duration.ofHours(30)));
        }
        return new PolicyTable(targets);
    }

    static BusinessSchedule office(Set<LocalDate> holidays) {
        Map<DayOfWeek, List<DailyInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(DailyInterval.parse("08:00", "18:00")));
        }
        return new BusinessSchedule("office", BERLIN, week, holidays);
    }
}

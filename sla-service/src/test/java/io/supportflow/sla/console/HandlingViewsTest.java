package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.OnCallMember;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.sla.domain.hours.BusinessSchedule;
import io.supportflow.sla.domain.hours.DailyInterval;
import io.supportflow.sla.domain.hours.OnCallRotation;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;

/** The console's views of handling hours, from the domain's schedules and rotations and the stored rows. */
class HandlingViewsTest {

    private static final Instant HANDOVER = Instant.parse("2026-03-02T07:00:00Z");
    private static final OnCallMember ADA = new OnCallMember("Ada", "ada@supportflow.example");
    private static final OnCallMember GRACE = new OnCallMember("Grace", "grace@supportflow.example");

    @Test
    void theMemberOnCallNowIsOnCallUntilTheNextHandover() {
        OnCallRotation rotation = new OnCallRotation("night", HANDOVER, Duration.ofHours(12), List.of(ADA, GRACE),
                List.of("pager"));

        assertThat(OnCallNowView.of(rotation, HANDOVER.plus(Duration.ofHours(13))))
                .isEqualTo(new OnCallNowView("night", GRACE, HANDOVER.plus(Duration.ofHours(24)), List.of("pager")));
        assertThat(OnCallNowView.of(rotation, HANDOVER.minus(Duration.ofDays(2))))
                .as("before the first handover the first member is on call, until that handover")
                .isEqualTo(new OnCallNowView("night", ADA, HANDOVER, List.of("pager")));
    }

    @Test
    void aClosedScheduleNamesItsNextOpeningAndAnOpenOneNow() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessSchedule schedule = new BusinessSchedule("east", newYork,
                Map.of(DayOfWeek.MONDAY, List.of(new DailyInterval(LocalTime.of(9, 0), LocalTime.of(17, 0)))),
                Set.of(LocalDate.of(2026, 3, 9)));
        Instant saturday = LocalDate.of(2026, 3, 7).atTime(12, 0).atZone(newYork).toInstant();
        Instant openingAfterTheHoliday = LocalDate.of(2026, 3, 16).atTime(9, 0).atZone(newYork).toInstant();

        assertThat(ScheduleOpeningView.of(schedule, saturday))
                .isEqualTo(new ScheduleOpeningView("east", "America/New_York", false, openingAfterTheHoliday));
        Instant open = openingAfterTheHoliday.plus(Duration.ofHours(1));
        assertThat(ScheduleOpeningView.of(schedule, open))
                .isEqualTo(new ScheduleOpeningView("east", "America/New_York", true, open));
        BusinessSchedule never = new BusinessSchedule("never", newYork, Map.of(), Set.of());
        assertThat(ScheduleOpeningView.of(never, saturday).nextOpening()).isNull();
    }

    @Test
    void aRunningHandlingClockIsBreachedOnlyWhileItsBreachStandsElseWarnedOrOnTrack() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        SlaClockEntity clock = handlingClock(now.minus(Duration.ofMinutes(40)), Duration.ofMinutes(30));

        assertThat(HandlingClockView.of(clock, now).state()).isEqualTo("ON_TRACK");
        assertThat(HandlingClockView.of(clock, now).timeLeftSeconds()).isEqualTo(-600);
        clock.handlingWarned = true;
        assertThat(HandlingClockView.of(clock, now).state()).isEqualTo("WARNED");
        clock.handlingBreachedAt = clock.handlingDueAt;
        assertThat(HandlingClockView.of(clock, now).state()).isEqualTo("BREACHED");
        clock.handlingBreachRetracted = true;
        assertThat(HandlingClockView.of(clock, now).state()).isEqualTo("WARNED");
        assertThat(HandlingClockView.of(clock, now).target()).isEqualTo("PT30M");
    }

    @Test
    void storedRecipientsReadBackAsTheEventCarriedThem() {
        List<Recipient> recipients = List.of(Recipient.email("leads@supportflow.example"), Recipient.webhook("pager"));
        SlaEscalationEntity stored = SlaEscalationEntity.of("t", 1, 2, EscalationTrigger.HANDLING_BREACH, recipients,
                Instant.EPOCH);

        assertThat(EscalationView.recipients(stored.recipients)).isEqualTo(recipients);
        assertThat(EscalationView.recipients("")).isEmpty();
        assertThat(EscalationView.recipients("pigeon:roof, email:a@b.example, webhook:"))
                .containsExactly(Recipient.email("a@b.example"));
    }

    private static SlaClockEntity handlingClock(Instant handleFrom, Duration target) {
        SlaClockEntity clock = new SlaClockEntity();
        clock.ticketId = "7b0e4f0c-7c56-4b7e-9d61-1d7c1f0e2a10";
        clock.reference = "SF-7B0E4F0C";
        clock.plan = Plan.PRO;
        clock.handlingPriority = Priority.P1;
        clock.handlingMode = HandlingMode.ROUND_THE_CLOCK;
        clock.scheduleId = "default";
        clock.handleFrom = handleFrom;
        clock.handlingTargetSeconds = target.toSeconds();
        clock.handlingDueAt = handleFrom.plus(target);
        return clock;
    }
}

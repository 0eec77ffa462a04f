package io.supportflow.sla.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.sla.domain.hours.BusinessSchedule;
import io.supportflow.sla.domain.hours.DailyInterval;

class EscalationLadderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Open every Thursday 09:00 to 17:00 only. */
    private static final BusinessSchedule THURSDAYS = new BusinessSchedule("thursdays", BERLIN,
            Map.of(java.time.DayOfWeek.THURSDAY, List.of(DailyInterval.parse("09:00", "17:00"))), Set.of());
    /** A Wednesday evening. */
    private static final Instant BREACH = LocalDate.of(2031, 4, 2).atTime(20, 0).atZone(BERLIN).toInstant();

    private final EscalationLadder ladder = new EscalationLadder(List.of(
            level(0, EscalationTrigger.HANDLING_BREACH, Duration.ZERO, Set.of(), "email:leads@example.com"),
            level(1, EscalationTrigger.HANDLING_BREACH, Duration.ofMinutes(30), Set.of(), "email:head@example.com"),
            level(2, EscalationTrigger.RESPONSE_BREACH, Duration.ZERO, Set.of(Priority.P4), "webhook:pager")));

    @Test
    void levelsFireInOrderAsTheirWaitsRunOutAndTheNextOneIsTheAlarm() {
        EscalationEvaluation atBreach = ladder.evaluate(p1(0L, null), BREACH, id -> THURSDAYS);
        EscalationEvaluation later = ladder.evaluate(p1(1L, null), BREACH.plus(Duration.ofMinutes(30)), id -> THURSDAYS);

        assertThat(atBreach.firings()).extracting(f -> f.level().index()).containsExactly(0);
        assertThat(atBreach.firings().get(0).rank()).isEqualTo(1);
        assertThat(atBreach.alarmAt()).isEqualTo(BREACH.plus(Duration.ofMinutes(30)));
        assertThat(later.firings()).extracting(EscalationEvaluation.Firing::rank).containsExactly(2);
        assertThat(later.alarmAt()).isNull();
    }

    @Test
    void aFiredLevelNeverFiresAgain() {
        EscalationEvaluation evaluation = ladder.evaluate(p1(0b11L, null), BREACH.plus(Duration.ofDays(1)),
                id -> THURSDAYS);

        assertThat(evaluation.firings()).isEmpty();
        assertThat(evaluation.alarmAt()).isNull();
    }

    @Test
    void belowP1ALevelWaitsForTheNextOpeningOfItsSchedule() {
        EscalationFacts p2 = new EscalationFacts(Plan.PRO, Priority.P2, "thursdays",
                Map.of(EscalationTrigger.HANDLING_BREACH, BREACH), null, 0L);
        Instant thursdayMorning = LocalDate.of(2031, 4, 3).atTime(9, 0).atZone(BERLIN).toInstant();

        EscalationEvaluation atBreach = ladder.evaluate(p2, BREACH, id -> THURSDAYS);
        EscalationEvaluation atOpening = ladder.evaluate(p2, thursdayMorning, id -> THURSDAYS);

        assertThat(atBreach.firings()).isEmpty();
        assertThat(atBreach.alarmAt()).isEqualTo(thursdayMorning);
        assertThat(atOpening.firings()).hasSize(2).allMatch(f -> f.at().equals(thursdayMorning));
    }

    @Test
    void aTicketTakenUpByALevelsFiringTimeCancelsItButNotTheLevelsBefore() {
        Instant takenUp = BREACH.plus(Duration.ofMinutes(10));

        EscalationEvaluation evaluation = ladder.evaluate(p1(0L, takenUp), BREACH.plus(Duration.ofHours(1)),
                id -> THURSDAYS);

        assertThat(evaluation.firings()).extracting(f -> f.level().index()).containsExactly(0);
        assertThat(evaluation.alarmAt()).isNull();
    }

    @Test
    void aTriggerThatNoLongerHoldsFiresNothing() {
        EscalationFacts retracted = new EscalationFacts(Plan.PRO, Priority.P1, "thursdays", Map.of(), null, 0L);

        assertThat(ladder.evaluate(retracted, BREACH.plus(Duration.ofDays(2)), id -> THURSDAYS).firings()).isEmpty();
    }

    @Test
    void aLevelAppliesOnlyToThePrioritiesItNames() {
        assertThat(ladder.levelsFor(Plan.PRO, Priority.P1)).extracting(EscalationLevel::index).containsExactly(0, 1);
        assertThat(ladder.levelsFor(Plan.PRO, Priority.P4)).extracting(EscalationLevel::index).containsExactly(0, 1, 2);
    }

    @Test
    void onCallRecipientsAreWhoeverThePageReachesAndFixedOnesStay() {
        List<RecipientSpec> specs = List.of(RecipientSpec.parse("on-call"), RecipientSpec.parse("email:a@example.com"));

        List<Recipient> recipients = RecipientSpec.resolve(specs,
                List.of(Recipient.email("kim@example.com"), Recipient.webhook("pager")));

        assertThat(recipients).containsExactly(Recipient.email("kim@example.com"), Recipient.webhook("pager"),
                Recipient.email("a@example.com"));
    }

    @Test
    void aRecipientThatIsNeitherAnAddressNorAWebhookNorOnCallIsRefused() {
        assertThatThrownBy(() -> RecipientSpec.parse("sms:+4912345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email:<address>");
        // The rule for an address is the one intake and the rotations use (shared-runtime EmailAddresses).
        for (String notAnAddress : List.of("email:leads@localhost", "email:\"leads\"@example.com",
                "email:leads@example.c", "email:leads\u0000@example.com", "email:leads@example.com,x@example.com")) {
            assertThatThrownBy(() -> RecipientSpec.parse(notAnAddress)).as(notAnAddress)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static EscalationFacts p1(long fired, Instant takenUpAt) {
        return new EscalationFacts(Plan.PRO, Priority.P1, "thursdays",
                Map.of(EscalationTrigger.HANDLING_BREACH, BREACH), takenUpAt, fired);
    }

    private static EscalationLevel level(int index, EscalationTrigger trigger, Duration after, Set<Priority> priorities,
                                         String recipient) {
        return new EscalationLevel(index, trigger, after, Set.of(), priorities, List.of(RecipientSpec.parse(recipient)),
                Optional.empty());
    }
}

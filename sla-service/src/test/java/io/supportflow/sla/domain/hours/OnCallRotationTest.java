package io.supportflow.sla.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.Recipient;
import io.supportflow.events.RotationChanged;

class OnCallRotationTest {

    private static final Instant HANDOVER = Instant.parse("2026-03-02T07:00:00Z");
    private static final OnCallMember ADA = new OnCallMember("Ada", "ada@supportflow.example");
    private static final OnCallMember BOB = new OnCallMember("Bob", "bob@supportflow.example");
    private static final OnCallMember CAROL = new OnCallMember("Carol", "carol@supportflow.example");

    private final OnCallRotation weekly = new OnCallRotation("default", HANDOVER, Duration.ofDays(7),
            List.of(ADA, BOB, CAROL), List.of("pager", "ops-chat"));

    private static Instant day(int days) {
        return HANDOVER.plus(Duration.ofDays(days));
    }

    @Test
    void membersTakeTurnsShiftByShiftAndStartOverAfterTheLast() {
        assertThat(weekly.onCallAt(HANDOVER)).contains(ADA);
        assertThat(weekly.onCallAt(day(7).minusNanos(1))).contains(ADA);
        assertThat(weekly.onCallAt(day(7))).contains(BOB);
        assertThat(weekly.onCallAt(day(15))).contains(CAROL);
        assertThat(weekly.onCallAt(day(21))).contains(ADA);
        assertThat(weekly.onCallAt(day(28))).contains(BOB);
        assertThat(weekly.onCallAt(day(7 * 3 * 1000 + 14))).contains(CAROL);
    }

    @Test
    void beforeTheFirstHandoverTheFirstMemberIsOnCall() {
        assertThat(weekly.onCallAt(HANDOVER.minusSeconds(1))).contains(ADA);
        assertThat(weekly.onCallAt(HANDOVER.minus(Duration.ofDays(30)))).contains(ADA);
        assertThat(weekly.nextHandover(HANDOVER.minus(Duration.ofDays(30)))).isEqualTo(HANDOVER);
    }

    @Test
    void theTurnEndsAtTheNextHandover() {
        assertThat(weekly.nextHandover(HANDOVER)).isEqualTo(day(7));
        assertThat(weekly.nextHandover(day(10))).isEqualTo(day(14));
    }

    @Test
    void aPageGoesToTheOnCallMembersEmailAndEveryWebhook() {
        assertThat(weekly.pageAt(day(8))).containsExactly(
                Recipient.email("bob@supportflow.example"), Recipient.webhook("pager"), Recipient.webhook("ops-chat"));
    }

    @Test
    void withoutMembersNobodyIsOnCallButTheWebhooksArePaged() {
        OnCallRotation hooksOnly = new OnCallRotation("hooks", HANDOVER, Duration.ofHours(8), List.of(), List.of("pager"));

        assertThat(hooksOnly.onCallAt(HANDOVER)).isEmpty();
        assertThat(hooksOnly.pageAt(HANDOVER)).containsExactly(Recipient.webhook("pager"));
    }

    @Test
    void eightHourShiftsRotateThreeTimesADay() {
        OnCallRotation shifts = new OnCallRotation("shifts", HANDOVER, Duration.ofHours(8), List.of(ADA, BOB), List.of());

        assertThat(List.of(0, 8, 16, 24, 32).stream().map(hours -> shifts.onCallAt(HANDOVER.plus(Duration.ofHours(hours))).orElseThrow()))
                .containsExactly(ADA, BOB, ADA, BOB, ADA);
    }

    @Test
    void aShiftMustBeLongerThanZero() {
        assertThatThrownBy(() -> new OnCallRotation("bad", HANDOVER, Duration.ZERO, List.of(ADA), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRotationOfARotationChangedEvent() {
        RotationChanged event = new RotationChanged("default", 2, HANDOVER, Duration.ofDays(7), List.of(ADA, BOB),
                List.of("pager"), "ops", Instant.EPOCH);

        OnCallRotation rotation = OnCallRotation.from(event);

        assertThat(rotation).isEqualTo(new OnCallRotation("default", HANDOVER, Duration.ofDays(7), List.of(ADA, BOB), List.of("pager")));
        assertThat(rotation.onCallAt(day(7))).contains(BOB);
        assertThat(rotation.members()).containsExactly(ADA, BOB);
        assertThat(rotation.webhooks()).containsExactly("pager");
    }
}

package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventJson;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SupportEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreachTallyTest {

    private static final Instant FIRST_DUE = Instant.parse("2026-12-10T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Map<String, Integer> OURS = Map.of("t0", 0, "t1", 1);

    @Test
    void eachClockKindHasItsOwnLatenessAndCountsOnce() {
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR, FIRST_DUE);
        add(tally, response("t0", HOUR), 150, 200);
        add(tally, response("t0", HOUR), 150, 900); // the relay sent it twice
        add(tally, handling("t0", HOUR), 400, 600);
        add(tally, handling("t1", HOUR), 400, 600);
        add(tally, response("someone-else", HOUR), 5_000, 5_000);

        assertThat(tally.response().count()).isEqualTo(1);
        assertThat(tally.response().toRead().maxMs()).isCloseTo(200, within(1.0));
        assertThat(tally.response().toPublished().maxMs()).isCloseTo(150, within(1.0));
        assertThat(tally.handling().count()).isEqualTo(2);
        assertThat(tally.handling().toRead().p50Ms()).isCloseTo(600, within(1.0));
        assertThat(tally.handling().toPublished().p50Ms()).isCloseTo(400, within(1.0));
        assertThat(tally.offTarget()).isNull();
    }

    @Test
    void aRecordWithoutTypeOrKeyIsPassedOver() {
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR, FIRST_DUE);
        tally.add("t0", null, EventJson.write(response("t0", HOUR)), millis(0), millis(10));
        tally.add(null, EventType.SLA_BREACHED.ceType(), EventJson.write(response("t0", HOUR)), millis(0), millis(10));
        assertThat(tally.response().count()).isZero();
    }

    @Test
    void escalationsAreCountedPerTriggerAndLevelAndTimedOnlyFromTheFirstDueTime() {
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR, FIRST_DUE);
        Instant atIngest = FIRST_DUE.minus(Duration.ofMinutes(20));
        add(tally, escalated("t0", 1, EscalationTrigger.HANDLING_WARNING, atIngest), 0, 0);
        add(tally, escalated("t1", 1, EscalationTrigger.HANDLING_WARNING, atIngest), 0, 0);
        add(tally, escalated("t0", 2, EscalationTrigger.HANDLING_BREACH, FIRST_DUE), 80, 120);
        add(tally, escalated("t0", 2, EscalationTrigger.HANDLING_BREACH, FIRST_DUE), 80, 700); // again

        assertThat(tally.escalations()).containsExactly(Map.entry("HANDLING_BREACH level 2", 1L),
                Map.entry("HANDLING_WARNING level 1", 2L));
        assertThat(tally.escalationsInWindow().count()).isEqualTo(1);
        assertThat(tally.escalationsInWindow().toRead().maxMs()).isCloseTo(120, within(1.0));
    }

    @Test
    void theFirstClocksEscalationCountsThoughStoredToTheMicrosecond() {
        Instant firstDue = FIRST_DUE.plusNanos(494_804_119);
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR, firstDue);
        add(tally, escalated("t0", 2, EscalationTrigger.HANDLING_BREACH, firstDue.truncatedTo(ChronoUnit.MICROS)),
                80, 120);
        assertThat(tally.escalationsInWindow().count()).isEqualTo(1);
    }

    @Test
    void aClockOnAnotherTargetThanExpectedIsNamed() {
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR, FIRST_DUE);
        add(tally, handling("t0", Duration.ofMinutes(30)), 0, 0);
        assertThat(tally.offTarget()).contains("handling").contains("PT30M").contains("PT1H");
    }

    @Test
    void eachClockKindIsCheckedAgainstItsOwnTarget() {
        Duration handlingTarget = Duration.ofMinutes(65);
        BreachTally tally = new BreachTally(OURS, HOUR, handlingTarget, FIRST_DUE);
        add(tally, response("t0", HOUR), 0, 0);
        add(tally, handling("t0", handlingTarget), 0, 0);
        assertThat(tally.offTarget()).isNull();

        add(tally, handling("t1", HOUR), 0, 0);
        assertThat(tally.offTarget()).contains("handling").contains("PT1H, not PT1H5M");
    }

    @Test
    void handlingClocksDueLaterAreTimedAgainstTheirOwnDueTimeAndTheirEscalationsCount() {
        Duration later = Duration.ofMinutes(5);
        long laterMillis = later.toMillis();
        BreachTally tally = new BreachTally(OURS, HOUR, HOUR.plus(later), FIRST_DUE);
        add(tally, response("t0", HOUR), 150, 200);
        add(tally, handling("t0", HOUR.plus(later), FIRST_DUE.plus(later)), laterMillis + 400, laterMillis + 600);
        add(tally, escalated("t0", 1, EscalationTrigger.HANDLING_BREACH, FIRST_DUE.plus(later)), laterMillis + 80,
                laterMillis + 120);

        assertThat(tally.response().toRead().maxMs()).isCloseTo(200, within(1.0));
        assertThat(tally.handling().toRead().maxMs()).isCloseTo(600, within(1.0));
        assertThat(tally.handling().toPublished().maxMs()).isCloseTo(400, within(1.0));
        assertThat(tally.escalationsInWindow().count()).isEqualTo(1);
        assertThat(tally.escalationsInWindow().toRead().maxMs()).isCloseTo(120, within(1.0));
        assertThat(tally.offTarget()).isNull();
    }

    @Test
    void withoutHandlingClocksNoTargetIsChecked() {
        BreachTally tally = new BreachTally(OURS, null, null, FIRST_DUE);
        add(tally, response("t0", Duration.ofHours(24)), 0, 0);
        assertThat(tally.offTarget()).isNull();
        assertThat(tally.response().count()).isEqualTo(1);
    }

    /** A record of sla.breaches whose timestamp and reading are the given milliseconds after the first due time. */
    private static void add(BreachTally tally, SupportEvent event, long publishedAfter, long readAfter) {
        tally.add(event.key(), EventType.of(event).ceType(), EventJson.write(event), millis(publishedAfter),
                millis(readAfter));
    }

    private static long millis(long afterFirstDue) {
        return FIRST_DUE.toEpochMilli() + afterFirstDue;
    }

    private static SlaBreached response(String ticketId, Duration target) {
        return new SlaBreached(ticketId, "SF-1", Plan.PRO, Priority.P1, target, FIRST_DUE.minus(target), FIRST_DUE,
                FIRST_DUE);
    }

    private static HandlingBreached handling(String ticketId, Duration target) {
        return handling(ticketId, target, FIRST_DUE);
    }

    private static HandlingBreached handling(String ticketId, Duration target, Instant dueAt) {
        return new HandlingBreached(ticketId, "SF-1", Plan.PRO, Priority.P1, HandlingMode.ROUND_THE_CLOCK, "default",
                dueAt.minus(target), target, dueAt, dueAt);
    }

    private static SlaEscalated escalated(String ticketId, int level, EscalationTrigger trigger, Instant at) {
        return new SlaEscalated(ticketId, "SF-1", Plan.PRO, Priority.P1, level, trigger, List.of(), at);
    }
}

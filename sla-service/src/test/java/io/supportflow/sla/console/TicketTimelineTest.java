package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SatisfactionEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;

class TicketTimelineTest {

    private static final Instant T = Instant.parse("2026-03-06T16:59:00Z");
    private static final String TICKET = "7b0e4f0c-7c56-4b7e-9d61-1d7c1f0e2a10";

    @Test
    void everythingSlaKnowsOfTheTicketComesOldestFirst() {
        SlaClockEntity clock = clock();
        clock.breachedAt = clock.dueAt;
        clock.loggedAt = T.plus(Duration.ofMinutes(70));
        clock.handleFrom = T.plus(Duration.ofDays(2).plusHours(15).plusMinutes(1));
        clock.handlingBusinessTime = true;
        clock.scheduleId = "default";
        List<TimelineEntry> lines = List.of(new TimelineEntry(T.plusSeconds(30), TimelineKind.NOTIFIED, "sent"),
                new TimelineEntry(T.plus(Duration.ofDays(3)), TimelineKind.RESOLVED, "Resolved by agent.alex"));

        List<TimelineEntry> timeline = TicketTimeline.of(clock, List.of(
                        decision(PriorityChange.Kind.PROVISIONAL, Priority.P1, Priority.P3, false, T.plusSeconds(10)),
                        decision(PriorityChange.Kind.ASSIGNED, Priority.P2, null, true, T.plusSeconds(600))),
                List.of(escalation(T.plus(Duration.ofMinutes(75)))), List.of(answer(T.plus(Duration.ofDays(4)))), lines);

        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineKind.RECEIVED,
                TimelineKind.REVIEW, TimelineKind.NOTIFIED, TimelineKind.PRIORITY, TimelineKind.RESPONSE_BREACHED,
                TimelineKind.RESPONDED, TimelineKind.ESCALATED, TimelineKind.HANDLING_FROM, TimelineKind.RESOLVED,
                TimelineKind.SURVEY_ANSWERED);
        assertThat(timeline).extracting(TimelineEntry::summary).containsSubsequence(
                "Received, plan PRO",
                "Sent to triage review: provisionally P3, the clocks run on P1 meanwhile",
                "Priority P2, set by an agent",
                "Response target of 1 h missed",
                "Escalation level 1 (response breach) to email:leads@example.com",
                "Handling clock starts (business hours of schedule default)",
                "Survey answered: rating 2 of 5");
    }

    @Test
    void aRetractedBreachSaysSoAndDecisionsWithoutTheirSourceStayPlain() {
        SlaClockEntity clock = clock();
        clock.breachedAt = clock.dueAt;
        clock.breachRetracted = true;
        clock.handlingBreachedAt = T.plus(Duration.ofMinutes(30));
        clock.handlingTargetSeconds = 1800L;
        clock.handlingBreachRetracted = true;

        List<TimelineEntry> timeline = TicketTimeline.of(clock,
                List.of(decision(PriorityChange.Kind.ASSIGNED, Priority.P1, null, null, T)), List.of(), List.of(),
                List.of());

        assertThat(timeline).extracting(TimelineEntry::summary).contains("Priority P1",
                "A response breach was announced, then retracted: the response came in time",
                "A handling breach was announced, then retracted: the ticket was taken up in time");

        clock.handlingBreachRetracted = false;
        assertThat(TicketTimeline.of(clock, List.of(), List.of(), List.of(), List.of()))
                .extracting(TimelineEntry::summary)
                .contains("Handling target of 30 min missed: nobody took the ticket up in time");
    }

    @Test
    void withoutItsTicketOnlyTheOtherLinesShow() {
        List<TimelineEntry> timeline = TicketTimeline.of(null, List.of(), List.of(), List.of(),
                List.of(new TimelineEntry(T, TimelineKind.ACKNOWLEDGED, "Acknowledged by agent.alex")));

        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineKind.ACKNOWLEDGED);
    }

    @Test
    void targetsReadAsPeopleSayThem() {
        assertThat(TicketTimeline.readable(3600L)).isEqualTo("1 h");
        assertThat(TicketTimeline.readable(5400L)).isEqualTo("1 h 30 min");
        assertThat(TicketTimeline.readable(3L)).isEqualTo("3 s");
        assertThat(TicketTimeline.readable(86400L)).isEqualTo("24 h");
    }

    @Test
    void aClockIsWaitingRunningWarnedMetOrBreached() {
        Instant due = T.plus(Duration.ofHours(1));
        assertThat(ClockStatus.state(null, null, null, null, false, false, T)).isEqualTo("WAITING");
        assertThat(ClockStatus.state(T, due, null, null, false, false, T.minusSeconds(1))).isEqualTo("WAITING");
        assertThat(ClockStatus.state(T, due, null, null, false, false, T)).isEqualTo("RUNNING");
        assertThat(ClockStatus.state(T, due, null, null, false, true, T)).isEqualTo("WARNED");
        assertThat(ClockStatus.state(T, due, due, null, false, true, due)).isEqualTo("MET");
        assertThat(ClockStatus.state(T, due, due.plusSeconds(1), null, false, false, due)).isEqualTo("BREACHED");
        assertThat(ClockStatus.state(T, due, null, null, false, false, due)).as("overdue").isEqualTo("BREACHED");
        assertThat(ClockStatus.state(T, due, null, due, false, false, due)).isEqualTo("BREACHED");
        assertThat(ClockStatus.state(T, due, due.minusSeconds(1), due, true, false, due)).isEqualTo("MET");
    }

    @Test
    void theHandlingClockShowsOnceItIsPlannedWithItsModeAndTimeLeftWhileItRuns() {
        SlaClockEntity clock = clock();
        assertThat(ClockStatus.handling(clock, T)).isNull();

        clock.handleFrom = T;
        clock.handlingDueAt = T.plus(Duration.ofMinutes(30));
        clock.handlingTargetSeconds = 1800L;
        clock.handlingMode = HandlingMode.ROUND_THE_CLOCK;
        ClockStatus running = ClockStatus.handling(clock, T.plus(Duration.ofMinutes(10)));
        assertThat(running.state()).isEqualTo("RUNNING");
        assertThat(running.timeLeftSeconds()).isEqualTo(1200L);
        assertThat(running.target()).isEqualTo("PT30M");
        assertThat(running.mode()).isEqualTo(HandlingMode.ROUND_THE_CLOCK);

        clock.takenUpAt = T.plus(Duration.ofMinutes(20));
        ClockStatus met = ClockStatus.handling(clock, T.plus(Duration.ofHours(2)));
        assertThat(met.state()).isEqualTo("MET");
        assertThat(met.timeLeftSeconds()).isNull();
        assertThat(met.stoppedAt()).isEqualTo(clock.takenUpAt);
    }

    private static SlaClockEntity clock() {
        SlaClockEntity clock = new SlaClockEntity();
        clock.ticketId = TICKET;
        clock.reference = "SF-7B0E4F0C";
        clock.plan = Plan.PRO;
        clock.priority = Priority.P1;
        clock.priorityKnown = true;
        clock.receivedAt = T;
        clock.targetSeconds = 3600L;
        clock.dueAt = T.plus(Duration.ofHours(1));
        return clock;
    }

    private static PriorityChangeEntity decision(PriorityChange.Kind kind, Priority priority, Priority rules,
                                                 Boolean agent, Instant at) {
        PriorityChangeEntity decision = new PriorityChangeEntity();
        decision.ticketId = TICKET;
        decision.kind = kind;
        decision.priority = priority;
        decision.rulesPriority = rules;
        decision.agent = agent;
        decision.decidedAt = at;
        return decision;
    }

    private static SlaEscalationEntity escalation(Instant at) {
        SlaEscalationEntity escalation = new SlaEscalationEntity();
        escalation.ticketId = TICKET;
        escalation.level = 1;
        escalation.trigger = EscalationTrigger.RESPONSE_BREACH;
        escalation.recipients = "email:leads@example.com";
        escalation.firedAt = at;
        return escalation;
    }

    private static SatisfactionEntity answer(Instant at) {
        SatisfactionEntity answer = new SatisfactionEntity();
        answer.ticketId = TICKET;
        answer.rating = 2;
        answer.comment = "Slow";
        answer.respondedAt = at;
        return answer;
    }
}

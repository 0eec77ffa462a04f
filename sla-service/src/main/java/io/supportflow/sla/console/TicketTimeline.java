package io.supportflow.sla.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SatisfactionEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;

/**
 * A ticket's timeline, oldest first, from what sla-service keeps: its clock row (received, responded, breaches,
 * when handling starts), its priority decisions, the escalations that fired, the survey answers (their rating; the
 * comment is on the page's survey section) and the console's own lines of tickets.lifecycle and
 * tickets.notifications. Lines at the same instant keep that order.
 */
final class TicketTimeline {

    private TicketTimeline() {
    }

    static List<TimelineEntry> of(SlaClockEntity clock, List<PriorityChangeEntity> decisions,
                                  List<SlaEscalationEntity> escalations, List<SatisfactionEntity> answers,
                                  List<TimelineEntry> consoleLines) {
        List<TimelineEntry> timeline = new ArrayList<>();
        if (clock != null) {
            timeline.addAll(ofClock(clock));
        }
        decisions.forEach(decision -> add(timeline, decision.decidedAt, decision.kind == PriorityChange.Kind.PROVISIONAL
                ? TimelineKind.REVIEW : TimelineKind.PRIORITY, decided(decision)));
        escalations.forEach(escalation -> add(timeline, escalation.firedAt, TimelineKind.ESCALATED,
                "Escalation level " + escalation.level + " (" + words(escalation.trigger.name()) + ") to "
                        + escalation.recipients));
        answers.forEach(answer -> add(timeline, answer.respondedAt, TimelineKind.SURVEY_ANSWERED,
                "Survey answered: rating " + answer.rating + " of 5"));
        timeline.addAll(consoleLines);
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return timeline;
    }

    private static List<TimelineEntry> ofClock(SlaClockEntity clock) {
        List<TimelineEntry> lines = new ArrayList<>();
        add(lines, clock.receivedAt, TimelineKind.RECEIVED, "Received, plan " + clock.plan);
        add(lines, clock.handleFrom, TimelineKind.HANDLING_FROM, "Handling clock starts ("
                + (clock.handlingBusinessTime ? "business hours of schedule " + clock.scheduleId : "calendar time")
                + ")");
        if (clock.breachedAt != null) {
            add(lines, clock.breachedAt, TimelineKind.RESPONSE_BREACHED, clock.breachRetracted
                    ? "A response breach was announced, then retracted: the response came in time"
                    : "Response target of " + readable(clock.targetSeconds) + " missed");
        }
        add(lines, clock.loggedAt, TimelineKind.RESPONDED,
                "Responded: the \"ticket logged\" message went out, the response clock stopped");
        if (clock.handlingBreachedAt != null) {
            add(lines, clock.handlingBreachedAt, TimelineKind.HANDLING_BREACHED, clock.handlingBreachRetracted
                    ? "A handling breach was announced, then retracted: the ticket was taken up in time"
                    : "Handling target of " + readable(clock.handlingTargetSeconds)
                            + " missed: nobody took the ticket up in time");
        }
        return lines;
    }

    private static String decided(PriorityChangeEntity decision) {
        if (decision.kind == PriorityChange.Kind.PROVISIONAL) {
            boolean stricter = decision.rulesPriority != null && decision.rulesPriority != decision.priority;
            return stricter
                    ? "Sent to triage review: provisionally " + decision.rulesPriority + ", the clocks run on "
                            + decision.priority + " meanwhile"
                    : "Sent to triage review: provisionally " + decision.priority;
        }
        if (decision.agent == null) {
            return "Priority " + decision.priority;
        }
        return "Priority " + decision.priority + (decision.agent ? ", set by an agent" : ", by triage's rules");
    }

    private static void add(List<TimelineEntry> lines, Instant at, TimelineKind kind, String summary) {
        if (at != null) {
            lines.add(new TimelineEntry(at, kind, TimelineLines.line(summary)));
        }
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A target as people say it: "30 min", "2 h", "1 h 30 min", "45 s". */
    static String readable(Long seconds) {
        if (seconds == null) {
            return "unknown length";
        }
        Duration duration = Duration.ofSeconds(seconds);
        List<String> parts = new ArrayList<>();
        if (duration.toHours() > 0) {
            parts.add(duration.toHours() + " h");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " min");
        }
        if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
            parts.add(duration.toSecondsPart() + " s");
        }
        return String.join(" ", parts);
    }
}

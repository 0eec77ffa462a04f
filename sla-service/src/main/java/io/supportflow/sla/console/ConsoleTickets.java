package io.supportflow.sla.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Sort;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SatisfactionEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** One ticket as the console's ticket page shows it, read from this service's own tables. */
@ApplicationScoped
public class ConsoleTickets {

    private final Clock clock;

    ConsoleTickets(Clock clock) {
        this.clock = clock;
    }

    /** The ticket, or empty when sla-service has seen nothing of it. */
    public Optional<TicketView> ticket(String ticketId) {
        if (!TicketIds.isTicketId(ticketId)) {
            return Optional.empty();
        }
        SlaClockEntity sla = SlaClockEntity.findById(ticketId);
        List<PriorityChangeEntity> decisions = PriorityChangeEntity.list("ticketId", Sort.by("decidedAt"), ticketId);
        List<SlaEscalationEntity> escalations = SlaEscalationEntity.list("ticketId", Sort.by("firedAt"), ticketId);
        List<SatisfactionEntity> answers = SatisfactionEntity.list("ticketId", Sort.by("respondedAt"), ticketId);
        List<TimelineEntry> lines = ConsoleTimelineEntity.ofTicket(ticketId);
        if (sla == null && decisions.isEmpty() && answers.isEmpty() && lines.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> timeline = TicketTimeline.of(sla, decisions, escalations, answers, lines);
        List<TimelineEntry> notifications = timeline.stream().filter(entry -> entry.kind().notification()).toList();
        List<TicketView.SurveyAnswer> surveys = answers.stream()
                .map(answer -> new TicketView.SurveyAnswer(answer.rating, answer.comment, answer.respondedAt)).toList();
        if (sla == null) {
            return Optional.of(new TicketView(ticketId, null, null, null, false, false, List.of(), timeline,
                    notifications, surveys));
        }
        return Optional.of(new TicketView(ticketId, sla.reference, sla.plan, sla.priority, sla.priorityKnown,
                sla.provisionalSince != null, clocks(sla, clock.instant()), timeline, notifications, surveys));
    }

    private static List<ClockStatus> clocks(SlaClockEntity sla, Instant now) {
        List<ClockStatus> clocks = new ArrayList<>();
        clocks.add(ClockStatus.response(sla, now));
        ClockStatus handling = ClockStatus.handling(sla, now);
        if (handling != null) {
            clocks.add(handling);
        }
        return clocks;
    }
}

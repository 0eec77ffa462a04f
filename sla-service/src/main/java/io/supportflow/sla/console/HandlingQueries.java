package io.supportflow.sla.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.panache.common.Sort;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;
import io.supportflow.sla.service.Calendars;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's read model of handling hours: who is on call and when each schedule opens (from the in-memory
 * {@link Calendars}, as the clocks see them), tickets waiting for business hours and running handling clocks (from
 * {@code sla_clock}), and the latest escalations (from {@code sla_escalation}).
 */
@ApplicationScoped
public class HandlingQueries {

    private final ConsoleConfig config;
    private final Calendars calendars;
    private final Clock clock;

    HandlingQueries(ConsoleConfig config, Calendars calendars, Clock clock) {
        this.config = config;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Every rotation, by id. */
    public List<OnCallNowView> onCall() {
        Instant now = clock.instant();
        return calendars.rotations().stream().map(rotation -> OnCallNowView.of(rotation, now)).toList();
    }

    /** Every schedule, by id. */
    public List<ScheduleOpeningView> schedules() {
        Instant now = clock.instant();
        return calendars.schedules().stream().map(schedule -> ScheduleOpeningView.of(schedule, now)).toList();
    }

    /** Tickets nobody took up whose handling starts later, the soonest first. */
    public List<WaitingTicketView> waiting() {
        return SlaClockEntity.<SlaClockEntity>find(
                        "handlingDueAt is not null and takenUpAt is null and handleFrom > ?1",
                        Sort.by("handleFrom").and("handlingDueAt").and("ticketId"), clock.instant())
                .page(0, config.waitingShown()).list()
                .stream().map(WaitingTicketView::of).toList();
    }

    /**
     * Handling clocks that have started and not stopped, least time left first. A ticket still waiting for its
     * schedule's opening is not here: its clock has not started, and {@link #waiting()} lists it.
     */
    public List<HandlingClockView> handlingClocks() {
        Instant now = clock.instant();
        return SlaClockEntity.<SlaClockEntity>find(
                        "handlingDueAt is not null and takenUpAt is null and handleFrom <= ?1",
                        Sort.by("handlingDueAt").and("ticketId"), now)
                .page(0, config.handlingClocksShown()).list()
                .stream().map(sla -> HandlingClockView.of(sla, now)).toList();
    }

    /** The latest escalations, newest first, each named by its ticket's reference. */
    public List<EscalationView> escalations() {
        return SlaEscalationEntity.getEntityManager().createQuery("""
                        SELECT e, c.reference, c.plan, c.handlingPriority FROM SlaEscalationEntity e
                        LEFT JOIN SlaClockEntity c ON c.ticketId = e.ticketId
                        ORDER BY e.firedAt DESC, e.level DESC, e.ticketId""", Object[].class)
                .setMaxResults(config.escalationsShown())
                .getResultList().stream().map(HandlingQueries::escalation).toList();
    }

    private static EscalationView escalation(Object[] row) {
        SlaEscalationEntity fired = (SlaEscalationEntity) row[0];
        return new EscalationView(fired.ticketId, (String) row[1], (Plan) row[2], (Priority) row[3], fired.level,
                fired.trigger, EscalationView.recipients(fired.recipients), fired.firedAt);
    }
}

package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.TicketReceived;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.domain.PriorityHistory;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies consumed events to the ticket's clock. Each handler stores the fact it brings, then
 * lets the clock decide what is owed, so the outcome does not depend on arrival order.
 */
@ApplicationScoped
public class SlaClocks {

    private final ClockVerdicts verdicts;
    private final SlaConfig config;
    private final Clock clock;
    private final Counter scanned;

    SlaClocks(ClockVerdicts verdicts, SlaConfig config, Clock clock, MeterRegistry registry) {
        this.verdicts = verdicts;
        this.config = config;
        this.clock = clock;
        this.scanned = Counter.builder("sla.scanner.clocks")
                .description("Clocks the breach scanner claimed because a warning or the due time was reached")
                .register(registry);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketReceived(TicketReceived ticket) {
        SlaClockEntity sla = SlaClockEntity.lockOrCreate(ticket.ticketId());
        sla.reference = ticket.reference();
        sla.plan = ticket.plan();
        sla.receivedAt = ticket.receivedAt();
        verdicts.apply(sla, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void priorityDecided(String eventId, String ticketId, PriorityChange change) {
        SlaClockEntity sla = SlaClockEntity.lockOrCreate(ticketId);
        PriorityChangeEntity.record(eventId, ticketId, change);
        settlePriority(sla);
        verdicts.apply(sla, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void customerNotified(CustomerNotified notification) {
        if (notification.kind() != NotificationKind.TICKET_LOGGED) {
            return;
        }
        SlaClockEntity sla = SlaClockEntity.lockOrCreate(notification.ticketId());
        // The first message in event time stops the clock, whichever copy was consumed first.
        if (sla.loggedAt == null || notification.sentAt().isBefore(sla.loggedAt)) {
            sla.loggedAt = notification.sentAt();
            settlePriority(sla);
        }
        verdicts.apply(sla, clock.instant());
    }

    private void settlePriority(SlaClockEntity sla) {
        var inForce = PriorityHistory.inForce(PriorityChangeEntity.of(sla.ticketId), sla.loggedAt);
        sla.priority = inForce.orElse(config.defaultPriority());
        sla.priorityKnown = inForce.isPresent();
    }

    /** Lets the clocks whose alarm rang by now speak; returns how many were handled. */
    @Transactional
    public int scanDue(int limit) {
        Instant now = clock.instant();
        var due = SlaClockEntity.claimDue(now, limit);
        due.forEach(sla -> verdicts.apply(sla, now));
        scanned.increment(due.size());
        return due.size();
    }
}

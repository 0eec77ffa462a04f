package io.supportflow.sla.service;

import java.time.Instant;

import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.sla.domain.Evaluation;
import io.supportflow.sla.domain.ResponseClock;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Asks the clock what it owes and writes those events to the outbox with the state that records
 * them. Each event's id is derived from the ticket and its role, so a ticket has at most one
 * SlaMet, one SlaBreached, one retraction and one warning per fraction, however often it is replayed.
 */
@ApplicationScoped
class ClockVerdicts {

    private final ResponseClock rules;
    private final Outbox outbox;

    ClockVerdicts(ResponseClock rules, Outbox outbox) {
        this.rules = rules;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(SlaClockEntity sla, Instant now) {
        Evaluation verdict = rules.evaluate(sla.facts(), now);
        sla.targetSeconds = verdict.target() == null ? null : verdict.target().toSeconds();
        sla.dueAt = verdict.dueAt();
        sla.alarmAt = verdict.alarmAt();
        for (Evaluation.Warning warning : verdict.newWarnings()) {
            outbox.add(sla.ticketId, "sla-warning-" + warning.index(), warning.at(), new SlaWarning(sla.ticketId,
                    sla.plan, sla.priority, verdict.target(), sla.receivedAt, verdict.dueAt(), warning.at()));
            sla.warningsSent = warning.index() + 1;
        }
        if (verdict.breach()) {
            sla.breachedAt = verdict.dueAt();
            outbox.add(sla.ticketId, "sla-breached", verdict.dueAt(), new SlaBreached(sla.ticketId, sla.reference,
                    sla.plan, sla.priority, verdict.target(), sla.receivedAt, verdict.dueAt(), verdict.dueAt()));
        }
        if (verdict.retract()) {
            sla.breachRetracted = true;
            outbox.add(sla.ticketId, "sla-breach-retracted", now, new SlaBreachRetracted(sla.ticketId, sla.plan,
                    sla.priority, verdict.target(), sla.receivedAt, verdict.dueAt(), now));
        }
        if (verdict.met()) {
            sla.metPublished = true;
            outbox.add(sla.ticketId, "sla-met", sla.loggedAt, new SlaMet(sla.ticketId, sla.plan, sla.priority,
                    verdict.target(), sla.receivedAt, verdict.dueAt(), sla.loggedAt));
        }
    }
}

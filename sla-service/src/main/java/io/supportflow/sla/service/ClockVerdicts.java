package io.supportflow.sla.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.domain.Evaluation;
import io.supportflow.sla.domain.SlaPolicy;
import io.supportflow.sla.domain.Verdict;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Asks the clocks what they owe, records that on the clock and returns the events to publish with it. Each is
 * caused by the ticket, its id derived from the ticket and its role, so a ticket has at most one SlaMet, one
 * SlaBreached, one retraction and one warning per fraction, however often it is replayed.
 */
@ApplicationScoped
class ClockVerdicts {

    private final SlaPolicies policies;
    private final HandlingVerdicts handling;
    private final EscalationVerdicts escalations;

    ClockVerdicts(SlaPolicies policies, HandlingVerdicts handling, EscalationVerdicts escalations) {
        this.policies = policies;
        this.handling = handling;
        this.escalations = escalations;
    }

    /**
     * What the ticket's response clock, handling clock and escalation ladder owe now, under the policy in force;
     * the clock's alarm is the earliest instant any of them must be looked at again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Publication> apply(SlaClockEntity sla, Instant now) {
        SlaPolicy policy = policies.current();
        Evaluation evaluation = sla.metPublished ? metAsItWas(sla) : policy.responseClock().evaluate(sla.facts(), now);
        List<Publication> owed = new ArrayList<>(response(sla, evaluation, now, policy.version()));
        Verdicts handled = handling.apply(sla, now, policy);
        Verdicts escalated = escalations.apply(sla, evaluation, now, policy);
        owed.addAll(handled.publications());
        owed.addAll(escalated.publications());
        sla.alarmAt = Verdicts.earliest(evaluation.alarmAt(), handled.alarmAt(), escalated.alarmAt());
        return owed;
    }

    /**
     * A promise kept stays kept: a later policy re-judges what is open, not a clock already met, which keeps the
     * target and due time it was met on (for the report and the escalation ladder alike).
     */
    private static Evaluation metAsItWas(SlaClockEntity sla) {
        return Evaluation.settled(Duration.ofSeconds(sla.targetSeconds), sla.dueAt, Set.of());
    }

    private static List<Publication> response(SlaClockEntity sla, Evaluation evaluation, Instant now, int version) {
        sla.targetSeconds = evaluation.target() == null ? null : evaluation.target().toSeconds();
        sla.dueAt = evaluation.dueAt();
        List<Publication> owed = new ArrayList<>();
        for (Evaluation.Warning warning : evaluation.newWarnings()) {
            owed.add(new Publication(sla.ticketId, "sla-warning-" + warning.index(), warning.at(), new SlaWarning(
                    sla.ticketId, sla.plan, sla.priority, evaluation.target(), sla.receivedAt, evaluation.dueAt(),
                    warning.at(), version)));
            sla.warningsSent = warning.index() + 1;
        }
        if (evaluation.owes(Verdict.BREACHED)) {
            sla.breachedAt = evaluation.dueAt();
            owed.add(new Publication(sla.ticketId, "sla-breached", evaluation.dueAt(), new SlaBreached(sla.ticketId,
                    sla.reference, sla.plan, sla.priority, evaluation.target(), sla.receivedAt, evaluation.dueAt(),
                    evaluation.dueAt(), version)));
        }
        if (evaluation.owes(Verdict.BREACH_RETRACTED)) {
            sla.breachRetracted = true;
            owed.add(new Publication(sla.ticketId, "sla-breach-retracted", now, new SlaBreachRetracted(sla.ticketId,
                    sla.plan, sla.priority, evaluation.target(), sla.receivedAt, evaluation.dueAt(), now, version)));
        }
        if (evaluation.owes(Verdict.MET)) {
            sla.metPublished = true;
            owed.add(new Publication(sla.ticketId, "sla-met", sla.loggedAt, new SlaMet(sla.ticketId, sla.plan,
                    sla.priority, evaluation.target(), sla.receivedAt, evaluation.dueAt(), sla.loggedAt, version)));
        }
        return owed;
    }
}

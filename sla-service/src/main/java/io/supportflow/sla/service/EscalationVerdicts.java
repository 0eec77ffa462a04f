package io.supportflow.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.domain.Evaluation;
import io.supportflow.sla.domain.ResponseClock;
import io.supportflow.sla.domain.SlaPolicy;
import io.supportflow.sla.domain.escalation.EscalationEvaluation;
import io.supportflow.sla.domain.escalation.EscalationFacts;
import io.supportflow.sla.domain.escalation.EscalationLadder;
import io.supportflow.sla.domain.escalation.RecipientSpec;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaEscalationEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fires the escalation levels that are due for a ticket. A level's event id is derived from the ticket and the
 * level's index, and the level is marked fired on the locked clock in the same transaction, so neither a replay nor a
 * second scanner fires it twice.
 */
@ApplicationScoped
class EscalationVerdicts {

    private final HandlingVerdicts handling;
    private final Calendars calendars;

    EscalationVerdicts(HandlingVerdicts handling, Calendars calendars) {
        this.handling = handling;
        this.calendars = calendars;
    }

    Verdicts apply(SlaClockEntity sla, Evaluation responseNow, Instant now, SlaPolicy policy) {
        EscalationLadder ladder = policy.escalations();
        if (!handling.enabled() || ladder.isEmpty() || sla.handlingPriority == null || responseNow.dueAt() == null) {
            return Verdicts.NONE;
        }
        EscalationFacts facts = new EscalationFacts(sla.plan, sla.handlingPriority,
                sla.scheduleId != null ? sla.scheduleId : policy.scheduleOf(sla.plan),
                triggers(sla, responseNow, policy.responseClock()), sla.takenUpAt, sla.escalationsFired);
        EscalationEvaluation evaluation = ladder.evaluate(facts, now, calendars::schedule);
        List<Publication> owed = new ArrayList<>();
        for (EscalationEvaluation.Firing firing : evaluation.firings()) {
            List<Recipient> recipients = RecipientSpec.resolve(firing.level().recipients(),
                    handling.onCallPage(firing.at(), policy));
            sla.escalationsFired |= 1L << firing.level().index();
            SlaEscalationEntity.of(sla.ticketId, firing.level().index(), firing.rank(), firing.level().trigger(),
                    recipients, firing.at()).persist();
            owed.add(new Publication(sla.ticketId, "sla-escalated-" + firing.level().index(), firing.at(),
                    new SlaEscalated(sla.ticketId, sla.reference, sla.plan, sla.handlingPriority, firing.rank(),
                            firing.level().trigger(), recipients, firing.at(), policy.version())));
        }
        return new Verdicts(owed, evaluation.alarmAt());
    }

    /** Each trigger that has happened or will, unless stopped before its instant: a stopped one is left out. */
    private static Map<EscalationTrigger, Instant> triggers(SlaClockEntity sla, Evaluation responseNow,
                                                            ResponseClock response) {
        Map<EscalationTrigger, Instant> triggers = new EnumMap<>(EscalationTrigger.class);
        if (response.warningCount() > 0) {
            putUnlessStopped(triggers, EscalationTrigger.RESPONSE_WARNING,
                    response.warningAt(sla.receivedAt, responseNow.target(), 0), sla.loggedAt);
        }
        putUnlessStopped(triggers, EscalationTrigger.RESPONSE_BREACH, responseNow.dueAt(), sla.loggedAt);
        if (sla.handlingDueAt != null) {
            putUnlessStopped(triggers, EscalationTrigger.HANDLING_WARNING, sla.handlingWarnAt, sla.takenUpAt);
            putUnlessStopped(triggers, EscalationTrigger.HANDLING_BREACH, sla.handlingDueAt, sla.takenUpAt);
        }
        return triggers;
    }

    private static void putUnlessStopped(Map<EscalationTrigger, Instant> triggers, EscalationTrigger trigger,
                                         Instant at, Instant stoppedAt) {
        if (stoppedAt == null || stoppedAt.isAfter(at)) {
            triggers.put(trigger, at);
        }
    }
}

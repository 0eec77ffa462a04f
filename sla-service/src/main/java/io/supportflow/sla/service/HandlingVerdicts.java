package io.supportflow.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.Plan;
import io.supportflow.events.Recipient;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.Verdict;
import io.supportflow.sla.domain.handling.HandlingClock;
import io.supportflow.sla.domain.handling.HandlingEvaluation;
import io.supportflow.sla.domain.handling.HandlingFacts;
import io.supportflow.sla.domain.handling.HandlingPlan;
import io.supportflow.sla.domain.handling.HandlingPolicy;
import io.supportflow.sla.domain.hours.OnCallRotation;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plans a ticket's handling once its priority is known (again when the priority in force at the take-up changes),
 * pages the on-call rotation when the plan says so and nobody has taken the ticket up, and asks the handling clock what
 * it owes. Event ids are derived from the ticket and the role, as the response clock's are. As for the response clock,
 * a new plan recomputes the due time from arrival; a warning or breach already announced stands, and a take-up in time
 * for the plan in force retracts the breach.
 */
@ApplicationScoped
class HandlingVerdicts {

    private final HandlingPolicy policy;
    private final SlaConfig.Handling config;
    private final Calendars calendars;

    HandlingVerdicts(HandlingPolicy policy, SlaConfig config, Calendars calendars) {
        this.policy = policy;
        this.config = config.handling();
        this.calendars = calendars;
    }

    boolean enabled() {
        return config.enabled();
    }

    Verdicts apply(SlaClockEntity sla, Instant now) {
        if (!config.enabled() || sla.receivedAt == null || sla.plan == null || sla.handlingPriority == null) {
            return Verdicts.NONE;
        }
        List<Publication> owed = new ArrayList<>();
        if (sla.handlingScheduledFor != sla.handlingPriority) {
            owed.add(schedule(sla, now));
        }
        HandlingEvaluation evaluation = HandlingClock.evaluate(sla.handlingFacts(), now);
        if (evaluation.warningOwed()) {
            sla.handlingWarned = true;
            owed.add(new Publication(sla.ticketId, "handling-warning", sla.handlingWarnAt, new HandlingWarning(
                    sla.ticketId, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, sla.handlingWarnAt)));
        }
        owed.addAll(verdicts(sla, evaluation, now));
        return new Verdicts(owed, evaluation.alarmAt());
    }

    private Publication schedule(SlaClockEntity sla, Instant now) {
        HandlingPlan plan = policy.plan(sla.plan, sla.handlingPriority, sla.receivedAt,
                calendars.schedule(scheduleOf(sla.plan)));
        sla.handlingScheduledFor = sla.handlingPriority;
        sla.handlingSchedules++;
        sla.handlingMode = plan.mode();
        sla.scheduleId = plan.scheduleId();
        sla.handleFrom = plan.handleFrom();
        sla.handlingTargetSeconds = plan.target().toSeconds();
        sla.handlingBusinessTime = plan.businessTime();
        sla.handlingDueAt = plan.dueAt();
        sla.handlingWarnAt = plan.warnAt();
        // Nobody is woken for a ticket somebody has already taken up (a take-up consumed before the priority).
        List<Recipient> paged = plan.pageNow() && sla.takenUpAt == null ? onCallPage(now) : List.of();
        return new Publication(sla.ticketId, "handling-scheduled-" + sla.handlingSchedules, now, new HandlingScheduled(
                sla.ticketId, sla.reference, sla.plan, sla.handlingPriority, plan.mode(), plan.scheduleId(),
                plan.handleFrom(), plan.target(), plan.dueAt(), paged, now));
    }

    private List<Publication> verdicts(SlaClockEntity sla, HandlingEvaluation evaluation, Instant now) {
        List<Publication> owed = new ArrayList<>();
        if (evaluation.owes(Verdict.BREACHED)) {
            sla.handlingBreachedAt = sla.handlingDueAt;
            owed.add(new Publication(sla.ticketId, "handling-breached", sla.handlingDueAt, new HandlingBreached(
                    sla.ticketId, sla.reference, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId,
                    sla.handleFrom, sla.handlingTarget(), sla.handlingDueAt, sla.handlingDueAt)));
        }
        if (evaluation.owes(Verdict.BREACH_RETRACTED)) {
            sla.handlingBreachRetracted = true;
            owed.add(new Publication(sla.ticketId, "handling-breach-retracted", now, new HandlingBreachRetracted(
                    sla.ticketId, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, now)));
        }
        if (evaluation.owes(Verdict.MET)) {
            sla.handlingMetPublished = true;
            owed.add(new Publication(sla.ticketId, "handling-met", sla.takenUpAt, new HandlingMet(sla.ticketId,
                    sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, sla.takenUpAt)));
        }
        return owed;
    }

    String scheduleOf(Plan plan) {
        return config.schedules().getOrDefault(plan, config.defaultSchedule());
    }

    /** Whoever the rotation has on call at {@code at}, and its webhooks; nobody when the rotation is not set up. */
    List<Recipient> onCallPage(Instant at) {
        return calendars.rotation(config.rotation()).map(rotation -> rotation.pageAt(at)).orElse(List.of());
    }
}

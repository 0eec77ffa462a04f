package io.supportflow.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.Plan;
import io.supportflow.events.Recipient;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.SlaPolicy;
import io.supportflow.sla.domain.Verdict;
import io.supportflow.sla.domain.handling.HandlingClock;
import io.supportflow.sla.domain.handling.HandlingEvaluation;
import io.supportflow.sla.domain.handling.HandlingFacts;
import io.supportflow.sla.domain.handling.HandlingPlan;
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

    private final SlaConfig.Handling config;
    private final Calendars calendars;

    HandlingVerdicts(SlaConfig config, Calendars calendars) {
        this.config = config.handling();
        this.calendars = calendars;
    }

    boolean enabled() {
        return config.enabled();
    }

    Verdicts apply(SlaClockEntity sla, Instant now, SlaPolicy policy) {
        if (!config.enabled() || sla.receivedAt == null || sla.plan == null || sla.handlingPriority == null) {
            return Verdicts.NONE;
        }
        List<Publication> owed = new ArrayList<>();
        boolean priorityChanged = sla.handlingScheduledFor != sla.handlingPriority;
        if (priorityChanged || plannedUnderAnotherPolicy(sla, policy)) {
            HandlingPlan plan = policy.handling().plan(sla.plan, sla.handlingPriority, sla.receivedAt,
                    calendars.schedule(policy.scheduleOf(sla.plan)));
            if (priorityChanged || !isPlannedAs(sla, plan)) {
                owed.add(schedule(sla, now, plan, policy, priorityChanged));
            }
            sla.handlingPolicyVersion = policy.version();
        }
        HandlingEvaluation evaluation = HandlingClock.evaluate(sla.handlingFacts(), now);
        if (evaluation.warningOwed()) {
            sla.handlingWarned = true;
            owed.add(new Publication(sla.ticketId, "handling-warning", sla.handlingWarnAt, new HandlingWarning(
                    sla.ticketId, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, sla.handlingWarnAt, policy.version())));
        }
        owed.addAll(verdicts(sla, evaluation, now, policy.version()));
        return new Verdicts(owed, evaluation.alarmAt());
    }

    /**
     * A newer policy plans again a ticket nobody has taken up and whose handling breach is not yet announced; a
     * handling verdict reached stays as it was.
     */
    private static boolean plannedUnderAnotherPolicy(SlaClockEntity sla, SlaPolicy policy) {
        return sla.handlingScheduledFor != null && sla.handlingPolicyVersion < policy.version()
                && sla.takenUpAt == null && sla.handlingBreachedAt == null;
    }

    /** A new policy that leaves the ticket's plan as it was publishes nothing. */
    private static boolean isPlannedAs(SlaClockEntity sla, HandlingPlan plan) {
        return plan.mode() == sla.handlingMode && Objects.equals(plan.scheduleId(), sla.scheduleId)
                && Objects.equals(plan.handleFrom(), sla.handleFrom) && Objects.equals(plan.dueAt(), sla.handlingDueAt)
                && Objects.equals(plan.warnAt(), sla.handlingWarnAt);
    }

    /** A plan made again for a new policy pages nobody: whoever a page was owed to was paged for the first plan. */
    private Publication schedule(SlaClockEntity sla, Instant now, HandlingPlan plan, SlaPolicy policy,
                                 boolean mayPage) {
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
        List<Recipient> paged = mayPage && plan.pageNow() && sla.takenUpAt == null ? onCallPage(now, policy)
                : List.of();
        return new Publication(sla.ticketId, "handling-scheduled-" + sla.handlingSchedules, now, new HandlingScheduled(
                sla.ticketId, sla.reference, sla.plan, sla.handlingPriority, plan.mode(), plan.scheduleId(),
                plan.handleFrom(), plan.target(), plan.dueAt(), paged, now, policy.version()));
    }

    private List<Publication> verdicts(SlaClockEntity sla, HandlingEvaluation evaluation, Instant now, int version) {
        List<Publication> owed = new ArrayList<>();
        if (evaluation.owes(Verdict.BREACHED)) {
            sla.handlingBreachedAt = sla.handlingDueAt;
            owed.add(new Publication(sla.ticketId, "handling-breached", sla.handlingDueAt, new HandlingBreached(
                    sla.ticketId, sla.reference, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId,
                    sla.handleFrom, sla.handlingTarget(), sla.handlingDueAt, sla.handlingDueAt, version)));
        }
        if (evaluation.owes(Verdict.BREACH_RETRACTED)) {
            sla.handlingBreachRetracted = true;
            owed.add(new Publication(sla.ticketId, "handling-breach-retracted", now, new HandlingBreachRetracted(
                    sla.ticketId, sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, now, version)));
        }
        if (evaluation.owes(Verdict.MET)) {
            sla.handlingMetPublished = true;
            owed.add(new Publication(sla.ticketId, "handling-met", sla.takenUpAt, new HandlingMet(sla.ticketId,
                    sla.plan, sla.handlingPriority, sla.handlingMode, sla.scheduleId, sla.handleFrom,
                    sla.handlingTarget(), sla.handlingDueAt, sla.takenUpAt, version)));
        }
        return owed;
    }

    /** Whoever the rotation has on call at {@code at}, and its webhooks; nobody when the rotation is not set up. */
    List<Recipient> onCallPage(Instant at, SlaPolicy policy) {
        return calendars.rotation(policy.rotation()).map(rotation -> rotation.pageAt(at)).orElse(List.of());
    }
}

package io.supportflow.sla.console;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * A running handling clock: handled since {@code handleFrom}, nobody has taken the ticket up yet. {@code state} is
 * ON_TRACK, WARNED (the warning fraction of the target has passed) or BREACHED (the breach is published and stands);
 * {@code timeLeftSeconds} is the calendar time until {@code dueAt}, negative once overdue, also for a clock counted
 * in business time (its due instant was fixed when it was planned). {@code priority} is the one its handling was
 * planned for.
 */
public record HandlingClockView(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
                                String scheduleId, boolean businessTime, String state, String target,
                                Instant handleFrom, Instant dueAt, long timeLeftSeconds) {

    static HandlingClockView of(SlaClockEntity clock, Instant now) {
        return new HandlingClockView(clock.ticketId, clock.reference, clock.plan, clock.handlingPriority,
                clock.handlingMode, clock.scheduleId, clock.handlingBusinessTime, state(clock),
                Duration.ofSeconds(clock.handlingTargetSeconds).toString(), clock.handleFrom, clock.handlingDueAt,
                Duration.between(now, clock.handlingDueAt).toSeconds());
    }

    static String state(SlaClockEntity clock) {
        if (clock.handlingBreachedAt != null && !clock.handlingBreachRetracted) {
            return "BREACHED";
        }
        return clock.handlingWarned ? "WARNED" : "ON_TRACK";
    }
}

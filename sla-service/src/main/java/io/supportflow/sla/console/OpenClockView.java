package io.supportflow.sla.console;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * A clock still waiting for the "ticket logged" message. {@code state} is ON_TRACK, WARNED (a warning
 * threshold has passed) or BREACHED; {@code timeLeftSeconds} is negative once overdue. While triage's
 * review is open the priority is {@code provisional} (the strictest plausible one) since {@code provisionalSince}.
 */
public record OpenClockView(String ticketId, String reference, Plan plan, Priority priority, boolean provisional,
                            Instant provisionalSince, String state, String target, Instant receivedAt, Instant dueAt,
                            long timeLeftSeconds) {

    static OpenClockView of(SlaClockEntity clock, Instant now) {
        return new OpenClockView(clock.ticketId, clock.reference, clock.plan, clock.priority,
                clock.provisionalSince != null, clock.provisionalSince, state(clock),
                Duration.ofSeconds(clock.targetSeconds).toString(), clock.receivedAt, clock.dueAt,
                Duration.between(now, clock.dueAt).toSeconds());
    }

    private static String state(SlaClockEntity clock) {
        if (clock.breached()) {
            return "BREACHED";
        }
        return clock.warningsSent > 0 ? "WARNED" : "ON_TRACK";
    }
}

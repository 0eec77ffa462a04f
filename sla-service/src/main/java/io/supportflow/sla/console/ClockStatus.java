package io.supportflow.sla.console;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.HandlingMode;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * One of a ticket's clocks on the console's ticket page. {@code clock} is RESPONSE (to the "ticket logged" message)
 * or HANDLING (to the first acknowledgement or resolution). {@code state}: WAITING (the ticket is not known yet, or
 * its handling waits for the schedule's opening), RUNNING, WARNED, MET or BREACHED (overdue counts as breached
 * before the scanner says so). {@code timeLeftSeconds} only while it runs, negative once overdue; {@code mode},
 * {@code scheduleId} and {@code businessTime} only for the handling clock.
 */
public record ClockStatus(String clock, String state, String target, Instant startsAt, Instant dueAt,
                          Instant stoppedAt, Instant breachedAt, boolean breachRetracted, Long timeLeftSeconds,
                          HandlingMode mode, String scheduleId, Boolean businessTime) {

    static ClockStatus response(SlaClockEntity sla, Instant now) {
        String state = state(sla.receivedAt, sla.dueAt, sla.loggedAt, sla.breachedAt, sla.breachRetracted,
                sla.warningsSent > 0, now);
        return new ClockStatus("RESPONSE", state, target(sla.targetSeconds), sla.receivedAt, sla.dueAt, sla.loggedAt,
                sla.breachedAt, sla.breachRetracted, timeLeft(state, sla.dueAt, sla.loggedAt, now), null, null, null);
    }

    /** The handling clock, or null while no handling plan was made for the ticket. */
    static ClockStatus handling(SlaClockEntity sla, Instant now) {
        if (sla.handlingDueAt == null) {
            return null;
        }
        String state = state(sla.handleFrom, sla.handlingDueAt, sla.takenUpAt, sla.handlingBreachedAt,
                sla.handlingBreachRetracted, sla.handlingWarned, now);
        return new ClockStatus("HANDLING", state, target(sla.handlingTargetSeconds), sla.handleFrom,
                sla.handlingDueAt, sla.takenUpAt, sla.handlingBreachedAt, sla.handlingBreachRetracted,
                timeLeft(state, sla.handlingDueAt, sla.takenUpAt, now), sla.handlingMode, sla.scheduleId,
                sla.handlingBusinessTime);
    }

    static String state(Instant startsAt, Instant dueAt, Instant stoppedAt, Instant breachedAt, boolean retracted,
                        boolean warned, Instant now) {
        if (dueAt == null || stoppedAt == null && startsAt != null && now.isBefore(startsAt)) {
            return "WAITING";
        }
        if (breachedAt != null && !retracted) {
            return "BREACHED";
        }
        if (stoppedAt != null) {
            return stoppedAt.isAfter(dueAt) ? "BREACHED" : "MET";
        }
        if (!now.isBefore(dueAt)) {
            return "BREACHED";
        }
        return warned ? "WARNED" : "RUNNING";
    }

    /** Until due, while the clock runs (an overdue one too); null once it stopped or while it waits. */
    private static Long timeLeft(String state, Instant dueAt, Instant stoppedAt, Instant now) {
        boolean running = stoppedAt == null && dueAt != null && !"WAITING".equals(state);
        return running ? Duration.between(now, dueAt).toSeconds() : null;
    }

    private static String target(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds).toString();
    }
}

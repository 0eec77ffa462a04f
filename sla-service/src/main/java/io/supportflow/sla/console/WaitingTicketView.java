package io.supportflow.sla.console;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * A ticket nobody has taken up whose handling waits for its schedule's opening: handled from {@code handleFrom},
 * taken up by {@code dueAt} if its handling target ({@code target}, in business time when {@code businessTime}) is
 * kept. {@code priority} is the one its handling was planned for.
 */
public record WaitingTicketView(String ticketId, String reference, Plan plan, Priority priority, HandlingMode mode,
                                String scheduleId, boolean businessTime, String target, Instant handleFrom,
                                Instant dueAt) {

    static WaitingTicketView of(SlaClockEntity clock) {
        return new WaitingTicketView(clock.ticketId, clock.reference, clock.plan, clock.handlingPriority,
                clock.handlingMode, clock.scheduleId, clock.handlingBusinessTime,
                Duration.ofSeconds(clock.handlingTargetSeconds).toString(), clock.handleFrom, clock.handlingDueAt);
    }
}

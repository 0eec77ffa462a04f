package io.supportflow.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * One ticket's response clock as its recorded events tell it, in whatever order they are read: the receipt, every
 * priority decision, the first "ticket logged" message in event time. The same rules as the live clock settle the
 * priority it is judged on: the one in force when the customer was told, else the default.
 */
public final class RecordedTicket {

    private Plan plan;
    private Instant receivedAt;
    private Instant loggedAt;
    private final List<PriorityChange> decisions = new ArrayList<>();

    public void received(Plan plan, Instant clockStartsAt) {
        this.plan = plan;
        this.receivedAt = clockStartsAt;
    }

    public void decided(PriorityChange decision) {
        decisions.add(decision);
    }

    public void logged(Instant sentAt) {
        if (loggedAt == null || sentAt.isBefore(loggedAt)) {
            loggedAt = sentAt;
        }
    }

    /** Whether its receipt was read and lies in {@code period}. */
    public boolean receivedIn(Period period) {
        return receivedAt != null && !receivedAt.isBefore(period.from()) && receivedAt.isBefore(period.to());
    }

    public ClockHistory history(Priority defaultPriority) {
        return new ClockHistory(plan, PriorityHistory.inForce(decisions, loggedAt).orElse(defaultPriority), receivedAt,
                loggedAt);
    }
}

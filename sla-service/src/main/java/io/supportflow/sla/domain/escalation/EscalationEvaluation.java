package io.supportflow.sla.domain.escalation;

import java.time.Instant;
import java.util.List;

/**
 * The levels now due for a ticket, and when the next pending one is due (null when none is pending).
 */
public record EscalationEvaluation(List<Firing> firings, Instant alarmAt) {

    public static final EscalationEvaluation NOTHING = new EscalationEvaluation(List.of(), null);

    public EscalationEvaluation {
        firings = List.copyOf(firings);
    }

    /** A level fired at {@code at}; {@code rank} is its place on the ticket's own ladder, from 1. */
    public record Firing(EscalationLevel level, int rank, Instant at) {
    }
}

package io.supportflow.sla.domain.escalation;

import java.time.Instant;
import java.util.Map;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * What the ladder needs of one ticket.
 *
 * @param triggers  each trigger that has happened or will happen unless something stops it, with its instant in event
 *                  time; a trigger stopped before its instant (a response in time, a retracted breach) is absent
 * @param takenUpAt the first take-up in event time, null while nobody took the ticket up
 * @param fired     the levels already fired, one bit per {@link EscalationLevel#index()}
 */
public record EscalationFacts(Plan plan, Priority priority, String scheduleId, Map<EscalationTrigger, Instant> triggers,
                              Instant takenUpAt, long fired) {

    public EscalationFacts {
        triggers = Map.copyOf(triggers);
    }

    public boolean hasFired(EscalationLevel level) {
        return (fired & (1L << level.index())) != 0;
    }
}

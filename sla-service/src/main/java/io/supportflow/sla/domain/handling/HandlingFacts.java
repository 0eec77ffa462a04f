package io.supportflow.sla.domain.handling;

import java.time.Instant;
import java.util.Set;

import io.supportflow.sla.domain.Verdict;

/**
 * What is known of one ticket's handling clock once it is scheduled.
 *
 * @param takenUpAt the first acknowledgement or resolution in event time, null while nobody took the ticket up
 * @param warned    whether the warning was announced
 * @param published the verdicts announced so far
 */
public record HandlingFacts(Instant dueAt, Instant warnAt, Instant takenUpAt, boolean warned, Set<Verdict> published) {

    public HandlingFacts {
        published = Set.copyOf(published);
    }
}

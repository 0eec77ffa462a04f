package io.supportflow.sla.domain;

import java.time.Instant;

import io.supportflow.events.Priority;

/** A priority decision and when it was taken (event time). */
public record PriorityChange(Kind kind, Priority priority, Instant at) {

    public enum Kind {
        /** Decided by the rules or an agent. */
        ASSIGNED,
        /** Triage asked an agent to review; this applies meanwhile. */
        PROVISIONAL
    }
}

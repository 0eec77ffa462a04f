package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** Events written by sla-service; all describe one ticket's response clock. */
public sealed interface SlaEvent extends SupportEvent permits SlaWarning, SlaMet, SlaBreachRetracted, SlaBreached {

    Plan plan();

    Priority priority();

    Duration target();

    Instant receivedAt();

    Instant dueAt();

    /** The version of the SLA policy the verdict was reached under; null in records written before versions. */
    Integer policyVersion();
}

package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;

/** Events written by sla-service about one ticket's handling clock: from {@code handleFrom} to its first take-up. */
public sealed interface HandlingEvent extends SupportEvent
        permits HandlingScheduled, HandlingWarning, HandlingMet, HandlingBreached, HandlingBreachRetracted {

    Plan plan();

    Priority priority();

    HandlingMode mode();

    String scheduleId();

    Instant handleFrom();

    /** In business time of the schedule for business-hours handling, in calendar time otherwise. */
    Duration target();

    Instant dueAt();

    /** The version of the SLA policy the verdict was reached under; null in records written before versions. */
    Integer policyVersion();
}

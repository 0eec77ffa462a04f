package io.supportflow.sla.rest;

import java.time.Duration;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** One cell of the policy table; {@code target} is ISO-8601 (e.g. PT1H). */
public record PolicyView(Plan plan, Priority priority, String target, long targetMinutes) {

    static PolicyView of(Plan plan, Priority priority, Duration target) {
        return new PolicyView(plan, priority, target.toString(), target.toMinutes());
    }
}

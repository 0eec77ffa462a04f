package io.supportflow.intake.domain;

import io.supportflow.events.Plan;

/** A customer account as the billing system states it: the plan its tickets run on, and what shapes their notices. */
public record Account(String accountId, Plan plan, String region, String locale, String scheduleId) {
}

package io.supportflow.sla.domain.handling;

import java.time.Duration;
import java.time.Instant;

import io.supportflow.events.HandlingMode;

/**
 * When and by when a ticket is to be taken up.
 *
 * @param handleFrom when handling starts: arrival, or the schedule's next opening
 * @param target     the handling target, in business time when {@code businessTime}, else calendar time
 * @param warnAt     when the warning fraction of the target is used up
 * @param pageNow    whether the on-call rotation is paged at once
 */
public record HandlingPlan(HandlingMode mode, String scheduleId, Instant handleFrom, Duration target, Instant dueAt,
                           Instant warnAt, boolean businessTime, boolean pageNow) {
}

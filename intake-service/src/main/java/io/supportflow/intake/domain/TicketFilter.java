package io.supportflow.intake.domain;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.intake.repository.TicketStatus;

/** Which tickets a list shows; a null criterion matches every ticket. */
public record TicketFilter(TicketStatus status, Plan plan, Priority priority, Channel channel) {
}

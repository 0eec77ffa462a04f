package io.supportflow.sla.service;

import java.util.List;

import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.repository.SlaClockEntity;

/**
 * A ticket's clock, locked for a batch's transaction, with the priority decisions taken on it; a batch adds its
 * decisions to the list as it applies them, so that the ticket's later events in the batch weigh them too.
 */
public record TicketClock(SlaClockEntity clock, List<PriorityChange> decisions) {
}

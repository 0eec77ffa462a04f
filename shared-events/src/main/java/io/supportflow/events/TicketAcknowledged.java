package io.supportflow.events;

import java.time.Instant;

/** An agent took the ticket up: its handling clock stops here. */
public record TicketAcknowledged(String ticketId, Instant at, String by, String assignee) implements TicketEvent {
}

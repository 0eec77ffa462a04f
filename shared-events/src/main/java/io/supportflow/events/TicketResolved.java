package io.supportflow.events;

import java.time.Instant;

/** An agent marked the ticket solved. */
public record TicketResolved(String ticketId, Instant at, String by, String note) implements TicketEvent {
}

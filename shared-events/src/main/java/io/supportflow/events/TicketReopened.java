package io.supportflow.events;

import java.time.Instant;

/** An agent reopened a solved ticket. */
public record TicketReopened(String ticketId, Instant at, String by, String note) implements TicketEvent {
}

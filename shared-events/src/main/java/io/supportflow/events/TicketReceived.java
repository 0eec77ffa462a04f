package io.supportflow.events;

import java.time.Instant;

/** A proper ticket was accepted from a channel adapter; its response clock starts at {@code receivedAt}. */
public record TicketReceived(
        String ticketId,
        String reference,
        Channel channel,
        String externalRef,
        Plan plan,
        Customer customer,
        String subject,
        String description,
        Category category,
        Impact impact,
        Workaround workaround,
        Instant receivedAt) implements TicketEvent {
}

package io.supportflow.intake.rest;

import java.time.Instant;

import io.supportflow.intake.repository.TicketEntity;

/** A ticket's identity and status right after a lifecycle transition. */
public record TicketStatusView(String ticketId, String reference, String channel, String plan, String status,
                               Instant receivedAt) {

    static TicketStatusView of(TicketEntity ticket) {
        return new TicketStatusView(ticket.id, ticket.reference, ticket.channel.name(), ticket.plan.name(),
                ticket.status.name(), ticket.receivedAt);
    }
}

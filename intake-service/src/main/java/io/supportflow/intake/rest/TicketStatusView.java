package io.supportflow.intake.rest;

import java.time.Instant;

import io.supportflow.intake.repository.TicketEntity;

/**
 * A ticket's identity and status right after a lifecycle transition; {@code acknowledgedAt} and
 * {@code acknowledgedBy} tell its first take-up, {@code assignee} the one named last (all null until then).
 */
public record TicketStatusView(String ticketId, String reference, String channel, String plan, String status,
                               Instant receivedAt, Instant acknowledgedAt, String acknowledgedBy, String assignee) {

    static TicketStatusView of(TicketEntity ticket) {
        return new TicketStatusView(ticket.id, ticket.reference, ticket.channel.name(), ticket.plan.name(),
                ticket.status.name(), ticket.receivedAt, ticket.acknowledgedAt, ticket.acknowledgedBy,
                ticket.assignee);
    }
}

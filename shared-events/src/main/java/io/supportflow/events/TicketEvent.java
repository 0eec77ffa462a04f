package io.supportflow.events;

/** Events written by intake-service. */
public sealed interface TicketEvent extends SupportEvent permits TicketReceived, TicketResolved, TicketReopened,
        TicketAcknowledged {
}

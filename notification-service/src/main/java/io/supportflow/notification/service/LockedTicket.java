package io.supportflow.notification.service;

import io.supportflow.notification.repository.TicketEntity;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;

/** A ticket's row, locked for its batch, and the messages the ticket has. */
public record LockedTicket(TicketEntity row, TicketMessages messages) {
}

package io.supportflow.intake.service;

/** No ticket has this id. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String ticketId) {
        super("No ticket " + ticketId);
    }
}

package io.supportflow.triage.service;

/** Triage has not received this ticket (unknown id, or its TicketReceived is still on its way). */
public class TicketNotTriagedException extends RuntimeException {

    public TicketNotTriagedException(String ticketId) {
        super("No ticket " + ticketId + " has reached triage");
    }
}

package io.supportflow.intake.service;

/** The ticket is stored but the broker has not acknowledged it in time; a retry with the same key completes it. */
public class NotYetPublishedException extends RuntimeException {

    public NotYetPublishedException(String ticketId) {
        super("Ticket " + ticketId + " is stored but the broker has not acknowledged it yet");
    }
}

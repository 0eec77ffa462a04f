package io.supportflow.intake.rest;

/** The answer to an accepted submission. */
public record TicketAccepted(String ticketId, String reference, String status) {
}

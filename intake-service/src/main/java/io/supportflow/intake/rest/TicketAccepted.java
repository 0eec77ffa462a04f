package io.supportflow.intake.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted submission: the ticket, the language the customer will be written in, and notices of
 * anything intake did otherwise than asked (a customer locale SupportFlow does not write in, say).
 */
public record TicketAccepted(String ticketId, String reference, String status, String locale,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notices) {
}

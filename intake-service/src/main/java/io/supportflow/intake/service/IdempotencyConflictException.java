package io.supportflow.intake.service;

/** The submission key was used before for a different submission. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String ticketId) {
        super("The key of this submission was already used for ticket " + ticketId + " with different content");
    }
}

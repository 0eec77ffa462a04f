package io.supportflow.intake.service;

/** The transition does not fit the ticket's status (resolving a resolved ticket, reopening an open one). */
public class LifecycleConflictException extends RuntimeException {

    public LifecycleConflictException(String message) {
        super(message);
    }
}

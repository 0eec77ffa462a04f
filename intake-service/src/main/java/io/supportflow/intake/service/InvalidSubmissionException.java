package io.supportflow.intake.service;

import java.util.List;

import io.supportflow.runtime.problem.FieldError;

/** A new ticket refused when it was about to be stored (its contact time out of bounds); nothing was kept. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSubmissionException(List<FieldError> errors) {
        super("The ticket has invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

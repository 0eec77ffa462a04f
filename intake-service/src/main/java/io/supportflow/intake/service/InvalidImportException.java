package io.supportflow.intake.service;

import java.util.List;

import io.supportflow.runtime.problem.FieldError;

/** An import refused as a whole before any line was applied (a CSV file whose first line is not its header). */
public class InvalidImportException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidImportException(List<FieldError> errors) {
        super("The import cannot be read");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

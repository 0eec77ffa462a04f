package io.supportflow.sla.service;

import java.util.List;

import io.supportflow.runtime.problem.FieldError;

/** A policy refused whole, with every cell at fault; nothing was stored. */
public class InvalidPolicyException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidPolicyException(List<FieldError> errors) {
        super("The policy has invalid cells");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

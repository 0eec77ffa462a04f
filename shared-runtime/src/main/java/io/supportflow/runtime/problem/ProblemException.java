package io.supportflow.runtime.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Ends a request with a problem+json answer. */
public class ProblemException extends WebApplicationException {

    public ProblemException(Response.StatusType status, String detail, List<FieldError> errors) {
        super(detail, Problem.response(status, detail, errors));
    }

    public ProblemException(Response.StatusType status, String detail) {
        this(status, detail, List.of());
    }
}

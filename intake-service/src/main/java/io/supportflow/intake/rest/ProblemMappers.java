package io.supportflow.intake.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.supportflow.intake.domain.FieldError;
import io.supportflow.intake.service.IdempotencyConflictException;
import io.supportflow.intake.service.NotYetPublishedException;
import jakarta.ws.rs.core.Response;

/** Every failure becomes problem+json; none leaks a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? pathOf(mismatch)
                : "body";
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON for a ticket",
                List.of(new FieldError(field, e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response conflict(IdempotencyConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notYetPublished(NotYetPublishedException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; retry with the same key")).header("Retry-After", "5").build();
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}

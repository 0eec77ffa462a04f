package io.supportflow.intake.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supportflow.intake.service.IdempotencyConflictException;
import io.supportflow.intake.service.NotYetPublishedException;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

/** Intake's own failures as problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response conflict(IdempotencyConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notYetPublished(NotYetPublishedException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; retry with the same key")).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json",
                List.of(new FieldError("Content-Type", "must be application/json")));
    }
}

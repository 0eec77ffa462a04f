package io.supportflow.intake.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supportflow.intake.service.IdempotencyConflictException;
import io.supportflow.intake.service.IntakeBusyException;
import io.supportflow.intake.service.InvalidSubmissionException;
import io.supportflow.intake.service.NotStoredException;
import io.supportflow.intake.service.NotYetPublishedException;
import io.supportflow.runtime.problem.Problem;
import jakarta.ws.rs.core.Response;

/** Intake's own failures as problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response conflict(IdempotencyConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }

    /** The same answer as a field refused before queueing: a client cannot tell where it was checked. */
    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response notYetPublished(NotYetPublishedException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; retry with the same key")).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response busy(IntakeBusyException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; retry with the same key")).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response notStored(NotStoredException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; retry with the same key")).header("Retry-After", "1").build();
    }
}

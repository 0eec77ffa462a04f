package io.supportflow.intake.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supportflow.intake.service.ChannelNotIncludedException;
import io.supportflow.intake.service.IdempotencyConflictException;
import io.supportflow.intake.service.ImportInterruptedException;
import io.supportflow.intake.service.IntakeBusyException;
import io.supportflow.intake.service.InvalidImportException;
import io.supportflow.intake.service.InvalidSubmissionException;
import io.supportflow.intake.service.NotStoredException;
import io.supportflow.intake.service.NotYetPublishedException;
import io.supportflow.intake.service.UnknownAccountException;
import io.supportflow.runtime.problem.FieldError;
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

    /** 422: the request is well formed, but the account it names is one intake may not take a ticket for. */
    @ServerExceptionMapper
    public Response unknownAccount(UnknownAccountException e) {
        return Problem.response(Problem.UNPROCESSABLE_CONTENT, e.getMessage(),
                List.of(new FieldError("customer.accountId", "is not in the account directory")));
    }

    @ServerExceptionMapper
    public Response channelNotIncluded(ChannelNotIncludedException e) {
        return Problem.response(Response.Status.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidImport(InvalidImportException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response importInterrupted(ImportInterruptedException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", "5").build();
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

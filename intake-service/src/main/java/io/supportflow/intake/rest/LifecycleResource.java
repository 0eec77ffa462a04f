package io.supportflow.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.supportflow.intake.service.LifecycleConflictException;
import io.supportflow.intake.service.TicketLifecycle;
import io.supportflow.intake.service.TicketNotFoundException;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.SecurityProblemMapper;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.problem.ValidationProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agents acknowledge, resolve and reopen tickets. */
@Path("/api/v1/tickets")
@RolesAllowed("agent")
@BasicAuthentication
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class LifecycleResource {

    private final TicketLifecycle lifecycle;
    private final SecurityIdentity identity;
    private final Validator validator;

    LifecycleResource(TicketLifecycle lifecycle, SecurityIdentity identity, Validator validator) {
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.validator = validator;
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Take a ticket up", description = "Publishes TicketAcknowledged on tickets.lifecycle: the "
            + "first acknowledgement stops the ticket's handling clock, a later one naming another assignee "
            + "re-assigns it, and one that would change nothing publishes nothing. The body {\"assignee\"} is "
            + "optional. Role agent.")
    @APIResponse(responseCode = "200", description = "Acknowledged (or already, as asked)")
    @APIResponse(responseCode = "400", description = "The assignee is not an acceptable line of text "
            + "(problem+json names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The user is not an agent")
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketStatusView acknowledge(@PathParam("id") String ticketId, AcknowledgeRequest request) {
        String assignee = request == null ? null : valid(request, "The assignee is invalid").assignee();
        return TicketStatusView.of(lifecycle.acknowledge(ticketId, agent(), assignee));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Mark a ticket solved", description = "Publishes TicketResolved on tickets.lifecycle. "
            + "The body {\"note\"} is optional. Role agent.")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "400", description = "The note is not acceptable text (problem+json names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The user is not an agent")
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketStatusView resolve(@PathParam("id") String ticketId, LifecycleRequest request) {
        return TicketStatusView.of(lifecycle.resolve(ticketId, agent(), noteOf(request)));
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a solved ticket", description = "Publishes TicketReopened on tickets.lifecycle. "
            + "The body {\"note\"} is optional. Role agent.")
    @APIResponse(responseCode = "200", description = "Reopened")
    @APIResponse(responseCode = "400", description = "The note is not acceptable text (problem+json names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The user is not an agent")
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketStatusView reopen(@PathParam("id") String ticketId, LifecycleRequest request) {
        return TicketStatusView.of(lifecycle.reopen(ticketId, agent(), noteOf(request)));
    }

    /** The note of {@code request}, if any; one that is not acceptable text ends the request with 400. */
    private String noteOf(LifecycleRequest request) {
        return request == null ? null : valid(request, "The note is invalid").note();
    }

    /** {@code request} if it meets its constraints; otherwise the request ends with 400 naming each field. */
    private <T> T valid(T request, String detail) {
        List<FieldError> errors = ValidationProblems.fieldErrors(validator.validate(request));
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, detail, errors);
        }
        return request;
    }

    private String agent() {
        return identity.getPrincipal().getName();
    }

    /** Like every other error, a missing or wrong password is a problem, still with the Basic challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "An agent's credentials are required (HTTP Basic)"))
                .header(HttpHeaders.WWW_AUTHENTICATE, SecurityProblemMapper.BASIC_CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only agents change a ticket's lifecycle");
    }

    @ServerExceptionMapper
    public Response notFound(TicketNotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(LifecycleConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
}

package io.supportflow.triage.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.problem.ValidationProblems;
import io.supportflow.triage.repository.TriagedTicketEntity;
import io.supportflow.triage.service.AgentPriorities;
import io.supportflow.triage.service.ReviewQueue;
import io.supportflow.triage.service.TicketNotTriagedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agents work the review queue and set priorities; agents and ops read a ticket's decision. */
@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    private final ReviewQueue queue;
    private final AgentPriorities priorities;
    private final SecurityIdentity identity;

    TriageResource(ReviewQueue queue, AgentPriorities priorities, SecurityIdentity identity) {
        this.queue = queue;
        this.priorities = priorities;
        this.identity = identity;
    }

    @GET
    @Path("/queue")
    @RolesAllowed("agent")
    public List<QueueEntry> queue() {
        return queue.waiting().stream().map(QueueEntry::of).toList();
    }

    @GET
    @Path("/tickets/{id}")
    @RolesAllowed({"agent", "ops"})
    @APIResponse(responseCode = "200", description = "The ticket's triage decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageView.class)))
    @APIResponse(responseCode = "404", description = "No ticket with this id has reached triage")
    public TriageView ticket(@PathParam("id") String ticketId) {
        TriagedTicketEntity ticket = TriagedTicketEntity.findById(ticketId);
        if (ticket == null) {
            throw new TicketNotTriagedException(ticketId);
        }
        return TriageView.of(ticket);
    }

    @PUT
    @Path("/tickets/{id}/priority")
    @RolesAllowed("agent")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The decision, published as PriorityAssigned (source AGENT)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageView.class)))
    @APIResponse(responseCode = "400", description = "No body, or priority or reason missing or invalid (the problem "
            + "names each field)")
    @APIResponse(responseCode = "404", description = "No ticket with this id has reached triage")
    public TriageView assign(@PathParam("id") String ticketId, @Valid PriorityRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "A priority decision needs a body",
                    List.of(new FieldError("body", "must be {\"priority\":\"P1..P4\",\"reason\":\"...\"}")));
        }
        String agent = identity.getPrincipal().getName();
        return TriageView.of(priorities.assign(ticketId, request.priority(), request.reason().strip(), agent));
    }

    @ServerExceptionMapper
    public Response incompleteDecision(ConstraintViolationException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "The priority decision is incomplete",
                ValidationProblems.fieldErrors(e.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response notTriaged(TicketNotTriagedException e) {
        // The id came from the URL: the answer does not repeat it.
        return Problem.response(Response.Status.NOT_FOUND, "No ticket with this id has reached triage");
    }
}

package io.supportflow.intake.rest;

import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supportflow.intake.service.LifecycleConflictException;
import io.supportflow.intake.service.TicketLifecycle;
import io.supportflow.intake.service.TicketNotFoundException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agents resolve and reopen tickets. */
@Path("/api/v1/tickets/{id}")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    private final TicketLifecycle lifecycle;
    private final SecurityIdentity identity;

    LifecycleResource(TicketLifecycle lifecycle, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @POST
    @Path("/resolve")
    public TicketStatusView resolve(@PathParam("id") String ticketId, LifecycleRequest request) {
        return TicketStatusView.of(lifecycle.resolve(ticketId, agent(), note(request)));
    }

    @POST
    @Path("/reopen")
    public TicketStatusView reopen(@PathParam("id") String ticketId, LifecycleRequest request) {
        return TicketStatusView.of(lifecycle.reopen(ticketId, agent(), note(request)));
    }

    private String agent() {
        return identity.getPrincipal().getName();
    }

    private static String note(LifecycleRequest request) {
        return request == null ? null : request.note();
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

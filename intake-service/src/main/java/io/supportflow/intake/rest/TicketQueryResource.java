package io.supportflow.intake.rest;

import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.intake.repository.TicketEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agents and ops look a ticket up. */
@Path("/api/v1/tickets/{id}")
@RolesAllowed({"agent", "ops"})
public class TicketQueryResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TicketStatusView ticket(@PathParam("id") String ticketId) {
        TicketEntity ticket = TicketEntity.findById(ticketId);
        if (ticket == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No ticket " + ticketId);
        }
        return TicketStatusView.of(ticket);
    }
}

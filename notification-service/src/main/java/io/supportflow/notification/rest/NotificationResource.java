package io.supportflow.notification.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Ops audit what was sent for a ticket. */
@Path("/api/v1/notifications")
@RolesAllowed("ops")
public class NotificationResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Every notification of the ticket (none for an unknown ticket)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationView.class)))
    @APIResponse(responseCode = "400", description = "ticketId is missing (or holds a control character)")
    public List<NotificationView> ofTicket(@RestQuery String ticketId) {
        if (ticketId == null || ticketId.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Say which ticket to audit",
                    List.of(new FieldError("ticketId", "is required")));
        }
        return NotificationEntity.ofTicket(ticketId).stream().map(NotificationView::of).toList();
    }
}

package io.supportflow.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.supportflow.intake.service.TicketViewRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Ops rebuild the ticket view from the topics. */
@Path("/api/v1/admin/ticket-view/rebuild")
@RolesAllowed("ops")
@BasicAuthentication
@SecurityRequirement(name = "basic")
public class TicketViewAdminResource {

    private final TicketViewRebuild rebuild;

    TicketViewAdminResource(TicketViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the ticket view", description = "Deletes the view and replays every ticket topic "
            + "from its beginning up to its current end; answers when done. Role ops.")
    @APIResponse(responseCode = "200", description = "Rebuilt: how many records were replayed, and how many were "
            + "passed by because they were unreadable or refused by the view")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The user is not ops")
    public TicketViewRebuild.RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}

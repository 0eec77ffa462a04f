package io.supportflow.sla.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.supportflow.events.RotationChanged;
import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.repository.CalendarKind;
import io.supportflow.sla.service.CalendarVersions;
import io.supportflow.sla.service.InvalidCalendarException;
import io.supportflow.sla.service.RotationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

/** On-call rotations: agents read them and ask who is on call, ops change them; every change is a new version. */
@Path("/api/v1/rotations")
@RolesAllowed({"ops", "agent"})
@Produces(MediaType.APPLICATION_JSON)
public class RotationResource {

    private final RotationService rotations;
    private final CalendarVersions calendarVersions;
    private final Clock clock;

    RotationResource(RotationService rotations, CalendarVersions calendarVersions, Clock clock) {
        this.rotations = rotations;
        this.calendarVersions = calendarVersions;
        this.clock = clock;
    }

    @GET
    public List<RotationView> rotations() {
        Instant now = clock.instant();
        return calendarVersions.latestOfEach(CalendarKind.ROTATION).stream()
                .map(rotation -> RotationView.of(rotation, now)).toList();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The rotation as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationView.class)))
    @APIResponse(responseCode = "404", description = "No rotation with this id")
    public RotationView rotation(@PathParam("id") String id) {
        return RotationView.of(latest(id), clock.instant());
    }

    /** Who is on call at {@code at} (an ISO-8601 instant), by the latest version. */
    @GET
    @Path("/{id}/on-call")
    @APIResponse(responseCode = "200", description = "Who is on call at the instant asked (default: now)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnCallView.class)))
    @APIResponse(responseCode = "400", description = "at is no ISO-8601 instant")
    @APIResponse(responseCode = "404", description = "No rotation with this id")
    public OnCallView onCall(@PathParam("id") String id, @QueryParam("at") String at) {
        List<FieldError> errors = new ArrayList<>();
        Instant instant = InstantParams.required("at", at, errors).orElse(null);
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "at is not an instant", errors);
        }
        return OnCallView.of(latest(id), instant);
    }

    @GET
    @Path("/{id}/versions")
    @APIResponse(responseCode = "200", description = "Every version of the rotation, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RotationVersionView.class)))
    @APIResponse(responseCode = "404", description = "No rotation with this id")
    public List<RotationVersionView> versions(@PathParam("id") String id) {
        List<RotationChanged> history = CalendarIds.possible(id)
                ? calendarVersions.history(CalendarKind.ROTATION, id) : List.of();
        if (history.isEmpty()) {
            throw notFound();
        }
        return history.stream().map(RotationVersionView::of).toList();
    }

    /** 201 for the first version, 200 for a later one. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("ops")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The rotation's next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationView.class)))
    @APIResponse(responseCode = "201", description = "A new rotation, version 1; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationView.class)))
    @APIResponse(responseCode = "400", description = "A field of the rotation is not valid (the problem names each); nothing was stored")
    public Response change(@PathParam("id") String id, RotationRequest request, @Context SecurityContext security) {
        String rotationId = CalendarIds.checked(id);
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "A rotation is required",
                    List.of(new FieldError("body", "is required")));
        }
        RotationChanged stored = rotations.change(rotationId, request.draft(), security.getUserPrincipal().getName());
        RotationView view = RotationView.of(stored, clock.instant());
        if (stored.version() == 1) {
            return Response.created(UriBuilder.fromResource(RotationResource.class).path(rotationId).build())
                    .entity(view).build();
        }
        return Response.ok(view).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidCalendarException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.detail() + "; nothing was stored", e.errors());
    }

    /** Agents reading is fine, an agent changing gets a problem rather than a bare 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only ops change rotations");
    }

    private RotationChanged latest(String rotationId) {
        if (!CalendarIds.possible(rotationId)) {
            throw notFound();
        }
        return calendarVersions.latest(CalendarKind.ROTATION, rotationId).orElseThrow(RotationResource::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(Response.Status.NOT_FOUND, "No rotation with this id");
    }
}

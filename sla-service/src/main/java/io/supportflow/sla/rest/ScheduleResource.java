package io.supportflow.sla.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.repository.CalendarKind;
import io.supportflow.sla.service.CalendarVersions;
import io.supportflow.sla.service.InvalidCalendarException;
import io.supportflow.sla.service.ScheduleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

/** Business-hours schedules: agents read them, ops change them; every change is a new version. */
@Path("/api/v1/schedules")
@RolesAllowed({"ops", "agent"})
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final ScheduleService schedules;
    private final CalendarVersions calendarVersions;
    private final Clock clock;

    ScheduleResource(ScheduleService schedules, CalendarVersions calendarVersions, Clock clock) {
        this.schedules = schedules;
        this.calendarVersions = calendarVersions;
        this.clock = clock;
    }

    @GET
    public List<ScheduleView> schedules() {
        Instant now = clock.instant();
        return calendarVersions.latestOfEach(CalendarKind.SCHEDULE).stream()
                .map(schedule -> ScheduleView.of(schedule, now)).toList();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The schedule as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No schedule with this id")
    public ScheduleView schedule(@PathParam("id") String id) {
        return ScheduleView.of(latest(id), clock.instant());
    }

    @GET
    @Path("/{id}/versions")
    @APIResponse(responseCode = "200", description = "Every version of the schedule, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ScheduleVersionView.class)))
    @APIResponse(responseCode = "404", description = "No schedule with this id")
    public List<ScheduleVersionView> versions(@PathParam("id") String id) {
        List<ScheduleChanged> history = CalendarIds.possible(id)
                ? calendarVersions.history(CalendarKind.SCHEDULE, id) : List.of();
        if (history.isEmpty()) {
            throw notFound();
        }
        return history.stream().map(ScheduleVersionView::of).toList();
    }

    /** 201 for the first version, 200 for a later one. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("ops")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The schedule's next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "201", description = "A new schedule, version 1; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "A field of the schedule is not valid (the problem names each); nothing was stored")
    public Response change(@PathParam("id") String id, ScheduleRequest request, @Context SecurityContext security) {
        String scheduleId = CalendarIds.checked(id);
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "A schedule is required",
                    List.of(new FieldError("body", "is required")));
        }
        return answer(schedules.change(scheduleId, request.draft(), security.getUserPrincipal().getName()));
    }

    /** The holidays of an iCalendar file replace the schedule's, as its next version. */
    @PUT
    @Path("/{id}/holidays")
    @RolesAllowed("ops")
    @Consumes(TEXT_CALENDAR)
    @APIResponse(responseCode = "200", description = "The schedule's next version, with the file's holidays",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "The file is no iCalendar or a holiday in it is not valid (the problem names it); nothing was stored")
    @APIResponse(responseCode = "404", description = "No schedule with this id")
    public Response importHolidays(@PathParam("id") String id, String icalendar, @Context SecurityContext security) {
        String scheduleId = CalendarIds.checked(id);
        return schedules.importHolidays(scheduleId, icalendar == null ? "" : icalendar,
                        security.getUserPrincipal().getName())
                .map(this::answer)
                .orElseThrow(ScheduleResource::notFound);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidCalendarException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.detail() + "; nothing was stored", e.errors());
    }

    /** Agents reading is fine, an agent changing gets a problem rather than a bare 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only ops change schedules");
    }

    private Response answer(ScheduleChanged stored) {
        ScheduleView view = ScheduleView.of(stored, clock.instant());
        if (stored.version() == 1) {
            return Response.created(UriBuilder.fromResource(ScheduleResource.class).path(stored.scheduleId()).build())
                    .entity(view).build();
        }
        return Response.ok(view).build();
    }

    private ScheduleChanged latest(String scheduleId) {
        if (!CalendarIds.possible(scheduleId)) {
            throw notFound();
        }
        return calendarVersions.latest(CalendarKind.SCHEDULE, scheduleId).orElseThrow(ScheduleResource::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(Response.Status.NOT_FOUND, "No schedule with this id");
    }
}

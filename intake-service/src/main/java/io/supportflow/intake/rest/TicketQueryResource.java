package io.supportflow.intake.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.intake.domain.TicketFilter;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.intake.service.TicketViewQueries;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agents and ops read the ticket view. */
@Path("/api/v1/tickets")
@RolesAllowed({"agent", "ops"})
@BasicAuthentication
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Agents and ops (roles agent, ops)")
@SecurityRequirement(name = "basic")
public class TicketQueryResource {

    static final int MAX_PAGE_SIZE = 100;

    private final TicketViewQueries queries;

    TicketQueryResource(TicketViewQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A ticket with its timeline", description = "Status, plan, channel, reference, subject, "
            + "priority, SLA state and every event of the ticket from every topic, with event time and source. "
            + "Roles agent, ops.")
    @APIResponse(responseCode = "200", description = "The ticket",
            content = @Content(schema = @Schema(implementation = TicketDetails.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Neither agent nor ops")
    @APIResponse(responseCode = "404", description = "No ticket with this id has been received",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketDetails ticket(@PathParam("id") String ticketId) {
        return queries.find(ticketId).map(TicketDetails::of)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "No ticket with this id"));
    }

    @GET
    @Operation(summary = "List tickets", description = "Newest first, filtered by any of status, plan, priority "
            + "and channel. Roles agent, ops.")
    @APIResponse(responseCode = "200", description = "One page of tickets",
            content = @Content(schema = @Schema(implementation = TicketSummary.Page.class)))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid (problem+json names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Neither agent nor ops")
    public TicketSummary.Page list(@Parameter(description = "OPEN or RESOLVED") @QueryParam("status") String status,
                                   @Parameter(description = "FREE, PRO, ...") @QueryParam("plan") String plan,
                                   @Parameter(description = "P1 to P4") @QueryParam("priority") String priority,
                                   @Parameter(description = "WEB, CHAT or PHONE") @QueryParam("channel") String channel,
                                   @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") String page,
                                   @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") String size) {
        List<FieldError> errors = new ArrayList<>();
        TicketFilter filter = new TicketFilter(enumOf("status", status, TicketStatus.class, errors),
                enumOf("plan", plan, Plan.class, errors), enumOf("priority", priority, Priority.class, errors),
                enumOf("channel", channel, Channel.class, errors));
        // Beyond this page the offset (page × size) would overflow an int.
        int pageIndex = number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, errors);
        int pageSize = number("size", size, 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid query parameters", errors);
        }
        TicketViewQueries.Page found = queries.list(filter, pageIndex, pageSize);
        return new TicketSummary.Page(found.tickets().stream().map(TicketSummary::of).toList(), pageIndex, pageSize,
                found.total());
    }

    private static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static int number(String name, String value, int min, int max, List<FieldError> errors) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return min;
    }
}

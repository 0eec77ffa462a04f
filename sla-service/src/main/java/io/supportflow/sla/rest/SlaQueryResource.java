package io.supportflow.sla.rest;

import java.time.Clock;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.service.SlaQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What ops ask about the clocks. */
@Path("/api/v1/sla")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class SlaQueryResource {

    private static final int MAX_LIMIT = 500;

    private final SlaQueries queries;
    private final Clock clock;

    SlaQueryResource(SlaQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Path("/tickets/{id}")
    @APIResponse(responseCode = "200", description = "The ticket's SLA clock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockView.class)))
    @APIResponse(responseCode = "404", description = "No SLA clock for this ticket")
    public ClockView ticket(@PathParam("id") String ticketId) {
        return queries.clock(ticketId)
                .map(sla -> ClockView.of(sla, clock.instant()))
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "No SLA clock for this ticket"));
    }

    /** Running clocks not yet breached, least time left first. */
    @GET
    @Path("/at-risk")
    public List<ClockView> atRisk(@QueryParam("limit") @DefaultValue("50") String limit) {
        return queries.atRisk(limitOf(limit)).stream().map(sla -> ClockView.of(sla, clock.instant())).toList();
    }

    // Read here rather than by JAX-RS, which answers a limit that is not a number with a bare 404.
    private static int limitOf(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new ProblemException(Response.Status.BAD_REQUEST, "limit is out of range",
                List.of(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }

    @GET
    @Path("/breaches")
    public List<BreachView> breaches(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.breaches(PeriodParams.parse(from, to, clock.instant())).stream().map(BreachView::of).toList();
    }

    @GET
    @Path("/report")
    public ReportView report(@QueryParam("from") String from, @QueryParam("to") String to) {
        var period = PeriodParams.parse(from, to, clock.instant());
        return new ReportView(period.from(), period.to(), queries.report(period),
                queries.handlingReport(period));
    }
}

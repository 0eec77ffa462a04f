package io.supportflow.triage.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.supportflow.runtime.http.QueryPeriod;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.report.Agreement;
import io.supportflow.triage.service.AgreementReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How often agents agreed with the rules' decision, for agents' decisions made in a period. */
@Path("/api/v1/triage/agreement")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final AgreementReports reports;
    private final Clock clock;

    AgreementResource(AgreementReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param from ISO-8601 instant, inclusive; defaults to 30 days before {@code to}
     * @param to   ISO-8601 instant, exclusive; defaults to now; at most 366 days after {@code from}
     */
    @GET
    @RolesAllowed("ops")
    @APIResponse(responseCode = "200", description = "How often agents agreed with the rules in the period",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    @APIResponse(responseCode = "400", description = "from or to is no ISO-8601 instant, to is not after from, or the "
            + "period is longer than 366 days (the problem names the parameter)")
    public Agreement agreement(@RestQuery String from, @RestQuery String to) {
        QueryPeriod period = QueryPeriod.of(from, to, clock.instant());
        if (period.length().compareTo(LONGEST_PERIOD) > 0) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is not valid",
                    List.of(to == null || to.isBlank() ? new FieldError("from", "must be at most 366 days before now")
                            : new FieldError("to", "must be at most 366 days after from")));
        }
        return reports.between(period.from(), period.to());
    }
}

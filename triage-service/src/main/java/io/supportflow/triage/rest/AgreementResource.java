package io.supportflow.triage.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import io.supportflow.runtime.http.InstantParams;
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

    AgreementResource(AgreementReports reports) {
        this.reports = reports;
    }

    /**
     * @param from ISO-8601 instant, inclusive, required
     * @param to   ISO-8601 instant, exclusive, required; at most 366 days after {@code from}
     */
    @GET
    @RolesAllowed("ops")
    public Agreement agreement(@RestQuery String from, @RestQuery String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = InstantParams.required("from", from, errors).orElse(null);
        Instant end = InstantParams.required("to", to, errors).orElse(null);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before to"));
            } else if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
                errors.add(new FieldError("to", "must be at most 366 days after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is not valid", errors);
        }
        return reports.between(start, end);
    }
}

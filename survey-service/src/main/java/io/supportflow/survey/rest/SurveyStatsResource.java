package io.supportflow.survey.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.SurveyStats;
import io.supportflow.survey.service.SurveyReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Satisfaction statistics over the surveys requested in a period (default: the last 30 days). */
@Path("/api/v1/surveys/stats")
public class SurveyStatsResource {

    private final SurveyReports reports;
    private final SurveyConfig config;
    private final Clock clock;

    SurveyStatsResource(SurveyReports reports, SurveyConfig config, Clock clock) {
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param from ISO-8601 instant, inclusive; defaults to {@code to} minus the configured period
     * @param to   ISO-8601 instant, exclusive; defaults to now
     */
    @GET
    @RolesAllowed("ops")
    @Produces(MediaType.APPLICATION_JSON)
    public SurveyStats stats(@RestQuery String from, @RestQuery String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Instant> end = to == null ? Optional.of(clock.instant()) : InstantParams.parse("to", to, errors);
        Optional<Instant> start = from == null ? end.map(e -> e.minus(config.stats().defaultPeriod()))
                : InstantParams.parse("from", from, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is not valid", errors);
        }
        if (!start.get().isBefore(end.get())) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is empty",
                    List.of(new FieldError("from", "must be before to")));
        }
        return reports.between(start.get(), end.get());
    }
}

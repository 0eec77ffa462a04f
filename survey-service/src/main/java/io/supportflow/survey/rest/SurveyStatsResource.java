package io.supportflow.survey.rest;

import java.time.Clock;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.supportflow.runtime.http.QueryPeriod;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.SurveyStats;
import io.supportflow.survey.service.SurveyReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
    @APIResponse(responseCode = "200", description = "The statistics of the period",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyStats.class)))
    @APIResponse(responseCode = "400", description = "from or to is no ISO-8601 instant, or to is not after from "
            + "(the problem names the parameter)")
    public SurveyStats stats(@RestQuery String from, @RestQuery String to) {
        QueryPeriod period = QueryPeriod.of(from, to, clock.instant(), config.stats().defaultPeriod());
        return reports.between(period.from(), period.to());
    }
}

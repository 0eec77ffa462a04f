package io.supportflow.sla.console;

import java.util.List;

import io.supportflow.runtime.report.Agreement;
import io.supportflow.sla.rest.PeriodParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What the ops console page (/console/) reads beside the SLA API: open clocks with their state,
 * satisfaction from the survey answers, triage's agreement with agents, and where ticket timelines are.
 */
@Path("/api/v1/sla/console")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final ConsoleQueries queries;
    private final TriageAgreements agreements;
    private final ConsoleConfig config;

    ConsoleResource(ConsoleQueries queries, TriageAgreements agreements, ConsoleConfig config) {
        this.queries = queries;
        this.agreements = agreements;
        this.config = config;
    }

    @GET
    @Path("/settings")
    public ConsoleSettings settings() {
        return new ConsoleSettings(config.ticketTimelineBaseUrl());
    }

    @GET
    @Path("/open-clocks")
    public List<OpenClockView> openClocks() {
        return queries.openClocks();
    }

    @GET
    @Path("/satisfaction")
    public SatisfactionSummary satisfaction(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.satisfaction(PeriodParams.parse(from, to));
    }

    /** Tickets whose latest agent decision was taken in [from, to): the rules' first decision against it. */
    @GET
    @Path("/triage-agreement")
    public Agreement triageAgreement(@QueryParam("from") String from, @QueryParam("to") String to) {
        return agreements.between(PeriodParams.parse(from, to));
    }
}

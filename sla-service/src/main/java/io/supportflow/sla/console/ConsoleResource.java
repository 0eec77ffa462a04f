package io.supportflow.sla.console;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.report.Agreement;
import io.supportflow.sla.rest.PeriodParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the ops console's pages (/console/) read beside the SLA API: open clocks with their state, satisfaction from
 * the survey answers, triage's agreement with agents, ticket references for the live feed, one ticket's page, and
 * handling hours (who is on call, when schedules open, tickets waiting for them, running handling clocks,
 * escalations).
 */
@Path("/api/v1/sla/console")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final ConsoleQueries queries;
    private final ConsoleTickets tickets;
    private final TriageAgreements agreements;
    private final HandlingQueries handling;
    private final Clock clock;

    ConsoleResource(ConsoleQueries queries, ConsoleTickets tickets, TriageAgreements agreements,
                    HandlingQueries handling, Clock clock) {
        this.queries = queries;
        this.tickets = tickets;
        this.agreements = agreements;
        this.handling = handling;
        this.clock = clock;
    }

    @GET
    @Path("/open-clocks")
    public List<OpenClockView> openClocks() {
        return queries.openClocks();
    }

    /** Ticket id → reference for each of the given tickets this service knows; the feed's events mostly carry none. */
    @GET
    @Path("/references")
    public Map<String, String> references(@QueryParam("ticketId") List<String> ticketIds) {
        return queries.references(TicketIds.lookup("ticketId", ticketIds));
    }

    /** The console's ticket page: the ticket's clocks, timeline, notifications and survey answers. */
    @GET
    @Path("/tickets/{id}")
    @APIResponse(responseCode = "200", description = "Everything the console knows of the ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "Nothing is known of this ticket")
    public TicketView ticket(@PathParam("id") String ticketId) {
        return tickets.ticket(ticketId)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "Nothing is known of this ticket"));
    }

    @GET
    @Path("/satisfaction")
    public SatisfactionSummary satisfaction(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.satisfaction(PeriodParams.parse(from, to, clock.instant()));
    }

    /** Tickets whose latest agent decision was taken in [from, to): the rules' first decision against it. */
    @GET
    @Path("/triage-agreement")
    public Agreement triageAgreement(@QueryParam("from") String from, @QueryParam("to") String to) {
        return agreements.between(PeriodParams.parse(from, to, clock.instant()));
    }

    /** Each rotation's member on call now, until the next handover, and its webhooks. */
    @GET
    @Path("/on-call")
    public List<OnCallNowView> onCall() {
        return handling.onCall();
    }

    /** Each schedule: open now?, and its next opening. */
    @GET
    @Path("/schedules")
    public List<ScheduleOpeningView> schedules() {
        return handling.schedules();
    }

    /** Tickets nobody took up whose handling waits for their schedule's opening. */
    @GET
    @Path("/waiting")
    public List<WaitingTicketView> waiting() {
        return handling.waiting();
    }

    /** Running handling clocks, least time left first. */
    @GET
    @Path("/handling-clocks")
    public List<HandlingClockView> handlingClocks() {
        return handling.handlingClocks();
    }

    /** The latest escalations, newest first; the page adds later ones from the live feed. */
    @GET
    @Path("/escalations")
    public List<EscalationView> escalations() {
        return handling.escalations();
    }

    /** Another role's call gets a problem, as every error of the API, rather than a bare 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "The console is for ops");
    }
}

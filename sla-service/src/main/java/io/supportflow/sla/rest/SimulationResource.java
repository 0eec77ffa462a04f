package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.domain.Period;
import io.supportflow.sla.service.RecordedEventsUnavailableException;
import io.supportflow.sla.service.SlaPolicies;
import io.supportflow.sla.service.SlaQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Support managers try a new promise on past tickets before making it: the tickets' recorded events are replayed
 * from Kafka, so the answer does not depend on what sla's database still keeps.
 */
@Path("/api/v1/sla/simulate")
@RolesAllowed("ops")
public class SimulationResource {

    private final SlaQueries queries;
    private final SlaPolicies policies;

    SimulationResource(SlaQueries queries, SlaPolicies policies) {
        this.queries = queries;
        this.policies = policies;
    }

    @ServerExceptionMapper
    public Response unavailable(RecordedEventsUnavailableException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", "30").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ReportView simulate(SimulationRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "A simulation request body is required",
                    List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        Instant from = InstantParams.required("from", request.from(), errors).orElse(null);
        Instant to = InstantParams.required("to", request.to(), errors).orElse(null);
        Map<Plan, Map<Priority, Duration>> targets = request.changedTargets(errors);
        Period period = PeriodParams.validated(from, to, errors);
        return new ReportView(period.from(), period.to(), queries.simulate(period,
                policies.current().responseTargets().with(targets)), List.of());
    }
}

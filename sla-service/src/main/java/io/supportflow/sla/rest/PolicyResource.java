package io.supportflow.sla.rest;

import java.util.ArrayList;
import java.util.List;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.service.SlaPolicies;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The response promise in force; public, since it is what customers are told. */
@Path("/api/v1/sla/policies")
@PermitAll
public class PolicyResource {

    private final SlaPolicies policies;

    PolicyResource(SlaPolicies policies) {
        this.policies = policies;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PolicyView> policies() {
        PolicyTable targets = policies.current().responseTargets();
        List<PolicyView> cells = new ArrayList<>();
        for (Plan plan : Plan.values()) {
            for (Priority priority : Priority.values()) {
                cells.add(PolicyView.of(plan, priority, targets.target(plan, priority)));
            }
        }
        return cells;
    }
}

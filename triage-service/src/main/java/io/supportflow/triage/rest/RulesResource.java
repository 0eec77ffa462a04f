package io.supportflow.triage.rest;

import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.triage.domain.Triage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Shows the decision table in force, so anyone can see why a ticket got its priority. */
@Path("/api/v1/triage/rules")
@RolesAllowed({"agent", "ops"})
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final Triage triage;
    private final CurrentSlaPolicy policy;

    RulesResource(Triage triage, CurrentSlaPolicy policy) {
        this.triage = triage;
        this.policy = policy;
    }

    @GET
    public RulesView rules() {
        return RulesView.of(triage.rules(), policy.get().orElse(null));
    }
}

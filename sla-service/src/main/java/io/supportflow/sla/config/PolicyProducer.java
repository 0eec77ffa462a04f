package io.supportflow.sla.config;

import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.domain.ResponseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured policy table and rules as beans; a missing table cell fails the start. */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    PolicyTable policyTable(SlaConfig config) {
        return new PolicyTable(config.targets());
    }

    @Produces
    @Singleton
    ResponseClock responseClock(PolicyTable policies, SlaConfig config) {
        return new ResponseClock(policies, config.warningFractions());
    }
}

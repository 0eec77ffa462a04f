package io.supportflow.sla.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.domain.ResponseClock;
import io.supportflow.sla.domain.escalation.EscalationLadder;
import io.supportflow.sla.domain.escalation.EscalationLevel;
import io.supportflow.sla.domain.escalation.RecipientSpec;
import io.supportflow.sla.domain.handling.HandlingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured policy tables, ladder and rules as beans; a missing table cell or a bad level fails the start. */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    PolicyTable policyTable(SlaConfig config) {
        return new PolicyTable(config.targets());
    }

    @Produces
    @Singleton
    HandlingPolicy handlingPolicy(SlaConfig config) {
        SlaConfig.Handling handling = config.handling();
        return new HandlingPolicy(handling.modes(), handling.extendedCover().orElse(Set.of()),
                new PolicyTable(handling.targets()), handling.warningFraction(), handling.closingMargin());
    }

    @Produces
    @Singleton
    EscalationLadder escalationLadder(SlaConfig config) {
        List<EscalationLevel> levels = new ArrayList<>();
        for (SlaConfig.Escalation level : config.escalations()) {
            levels.add(new EscalationLevel(levels.size(), level.trigger(), level.after(), level.plans().orElse(Set.of()),
                    level.priorities().orElse(Set.of()), level.recipients().stream().map(RecipientSpec::parse).toList(),
                    level.schedule()));
        }
        return new EscalationLadder(levels);
    }

    @Produces
    @Singleton
    ResponseClock responseClock(PolicyTable policies, SlaConfig config) {
        return new ResponseClock(policies, config.warningFractions());
    }
}

package io.supportflow.sla.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.supportflow.events.SlaPolicyChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The policy the configuration describes: version 1, stored at the first start. Later versions are made over the
 * API; the configuration then only seeds a new database.
 */
@ApplicationScoped
public class PolicyDefaults {

    static final String CHANGED_BY = "configuration";

    private final SlaConfig config;

    PolicyDefaults(SlaConfig config) {
        this.config = config;
    }

    public SlaPolicyChanged firstVersion(Instant at) {
        SlaConfig.Handling handling = config.handling();
        return new SlaPolicyChanged(1, config.targets(), config.warningFractions(),
                new SlaPolicyChanged.Handling(handling.modes(), handling.extendedCover().orElse(Set.of()),
                        handling.targets(), handling.warningFraction(), handling.closingMargin(),
                        handling.defaultSchedule(), handling.schedules(), handling.rotation()),
                escalations(), config.entitlements(), CHANGED_BY, at);
    }

    private List<SlaPolicyChanged.Escalation> escalations() {
        List<SlaPolicyChanged.Escalation> levels = new ArrayList<>();
        for (SlaConfig.Escalation level : config.escalations()) {
            levels.add(new SlaPolicyChanged.Escalation(level.trigger(), level.after(), level.plans().orElse(Set.of()),
                    level.priorities().orElse(Set.of()), level.recipients(), level.schedule().orElse(null)));
        }
        return levels;
    }
}

package io.supportflow.triage.service;

import java.util.List;

import io.supportflow.triage.config.TriageConfig;
import io.supportflow.triage.domain.KeywordGroup;
import io.supportflow.triage.domain.ResponseTargets;
import io.supportflow.triage.domain.Triage;
import io.supportflow.triage.domain.TriageRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure decision logic from configuration. */
@ApplicationScoped
public class TriageRulesProducer {

    @Produces
    @Singleton
    Triage triage(TriageConfig config) {
        return new Triage(rulesOf(config));
    }

    @Produces
    @Singleton
    ResponseTargets responseTargets(TriageConfig config) {
        return new ResponseTargets(config.responseTargets());
    }

    public static TriageRules rulesOf(TriageConfig config) {
        List<KeywordGroup> groups = config.keywords().entrySet().stream()
                .map(e -> new KeywordGroup(e.getKey(), e.getValue().priority(), e.getValue().precedence(),
                        e.getValue().en(), e.getValue().de()))
                .toList();
        return new TriageRules(config.impactWorkaround(), config.assumedWorkaround(), config.categories(),
                groups, config.conflictDistance(), config.provisionalPriority());
    }
}

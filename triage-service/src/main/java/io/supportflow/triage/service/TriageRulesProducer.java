package io.supportflow.triage.service;

import java.util.List;

import io.quarkus.runtime.Startup;
import io.supportflow.triage.config.TriageConfig;
import io.supportflow.triage.domain.KeywordGroup;
import io.supportflow.triage.domain.Triage;
import io.supportflow.triage.domain.TriageRules;
import io.supportflow.triage.domain.text.Corpus;
import io.supportflow.triage.domain.text.ModelTraining;
import io.supportflow.triage.domain.text.TextModel;
import io.supportflow.triage.domain.text.TextPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure decision logic from configuration. */
@ApplicationScoped
public class TriageRulesProducer {

    /** Learnt at start, so that no ticket waits for it and readiness includes it. */
    @Produces
    @Singleton
    @Startup
    Triage triage(TriageConfig config) {
        return triageOf(config);
    }

    public static Triage triageOf(TriageConfig config) {
        TriageConfig.Text text = config.text();
        TextModel model = ModelTraining.DEFAULT.train(Corpus.readAll(text.corpus()));
        return new Triage(rulesOf(config), model, new TextPolicy(text.confident(), text.plausible(), text.outage()));
    }

    public static TriageRules rulesOf(TriageConfig config) {
        List<KeywordGroup> groups = config.keywords().entrySet().stream()
                .map(e -> new KeywordGroup(e.getKey(), e.getValue().priority(), e.getValue().precedence(),
                        e.getValue().en(), e.getValue().de()))
                .toList();
        return new TriageRules(config.impactWorkaround(), config.assumedWorkaround(), config.categories(),
                groups, config.conflictDistance());
    }
}

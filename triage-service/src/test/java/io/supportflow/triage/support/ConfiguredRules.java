package io.supportflow.triage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.supportflow.triage.config.TriageConfig;
import io.supportflow.triage.domain.Triage;
import io.supportflow.triage.service.TriageRulesProducer;

/** The decision table exactly as shipped in application.properties, for unit tests without Quarkus. */
public final class ConfiguredRules {

    private static final Triage TRIAGE = TriageRulesProducer.triageOf(load());

    private ConfiguredRules() {
    }

    public static Triage triage() {
        return TRIAGE;
    }

    private static TriageConfig load() {
        URL properties = ConfiguredRules.class.getClassLoader().getResource("application.properties");
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties))
                    .withMapping(TriageConfig.class)
                    .build();
            return config.getConfigMapping(TriageConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

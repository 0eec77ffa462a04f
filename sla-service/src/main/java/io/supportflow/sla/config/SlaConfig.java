package io.supportflow.sla.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** The response promise and how closely it is watched. */
@ConfigMapping(prefix = "supportflow.sla")
public interface SlaConfig {

    /** Response target per plan and priority, in calendar time. */
    Map<Plan, Map<Priority, Duration>> targets();

    /** Fractions of the target at which ops are warned, e.g. 0.75. */
    @WithDefault("0.75")
    List<Double> warningFractions();

    /** The priority a clock runs on until triage has said anything. */
    @WithDefault("P3")
    Priority defaultPriority();

    Scanner scanner();

    interface Scanner {

        /** How often due clocks are looked for; a breach is published within about this after its due time. */
        @WithDefault("500ms")
        Duration interval();

        /** Most clocks claimed in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** Scanning threads per instance; more than one overlaps claiming a batch with writing the previous one. */
        @WithDefault("2")
        int workers();

        /** Off lets tests drive scanner instances themselves. */
        @WithDefault("true")
        boolean enabled();
    }
}

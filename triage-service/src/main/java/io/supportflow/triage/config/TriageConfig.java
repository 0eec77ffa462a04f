package io.supportflow.triage.config;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;

/** The triage decision table. The response targets the review queue counts down against are the SLA policy's. */
@ConfigMapping(prefix = "supportflow.triage")
public interface TriageConfig {

    /** Priority of each impact × workaround, from the P1/P2 definitions. */
    Map<Impact, Map<Workaround, Priority>> impactWorkaround();

    /** Read when a ticket states an impact without saying whether it can work around it. */
    @WithDefault("NONE")
    Workaround assumedWorkaround();

    /** Priority of each category, from the P3/P4 definitions. */
    Map<Category, Priority> categories();

    /** Keyword groups by name (e.g. outage, professional-services), English and German. */
    Map<String, KeywordGroupConfig> keywords();

    /** Priority levels apart at which two signals contradict each other and an agent must decide. */
    @WithDefault("2")
    int conflictDistance();

    /** How tickets with text only are read. */
    Text text();

    interface Text {
        /** Labelled tickets (JSON Lines on the class path) the text model learns from at start. */
        List<String> corpus();

        /** The most probable priority decides when at least this probable. */
        @WithDefault("0.3")
        double confident();

        /** A priority this probable is plausible: an unsure ticket's clock runs on the most urgent one. */
        @WithDefault("0.25")
        double plausible();

        /** A P1 this probable sends a ticket to review on a P1 clock. */
        @WithDefault("0.12")
        double outage();
    }

    interface KeywordGroupConfig {
        Priority priority();

        /** Among several matching groups the highest precedence names the ticket's kind. */
        int precedence();

        List<String> en();

        List<String> de();
    }
}

package io.supportflow.survey.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Survey settings: where links point, how long they last, guessing protection and statistics. */
@ConfigMapping(prefix = "supportflow.survey")
public interface SurveyConfig {

    /** The public address survey links start with; a link is {@code <base-url>/surveys/<token>}. */
    @WithDefault("http://127.0.0.1:8085")
    String baseUrl();

    /** How long after the resolution a survey can be answered. */
    @WithDefault("P30D")
    Duration expiry();

    /** Server secret that signs the form's anti-CSRF field. */
    String formSecret();

    /** Longest comment accepted, in characters. */
    @WithDefault("2000")
    int commentMaxLength();

    Guessing guessing();

    Stats stats();

    /** Unknown tokens one client may try per window before every survey request of it is refused. */
    interface Guessing {

        /** At least 2: half of them may be spent at once, the other half come back over the window. */
        @WithDefault("10")
        @Min(2)
        int maxMisses();

        @WithDefault("PT1M")
        Duration window();
    }

    interface Stats {

        /** The period reported when the request names no {@code from}. */
        @WithDefault("P30D")
        Duration defaultPeriod();

        /** How many of the latest comments a report lists. */
        @WithDefault("10")
        int latestComments();
    }
}

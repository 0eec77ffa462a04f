package io.supportflow.sla.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supportflow.events.Channel;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * The response promise and how closely it is watched. The policy part (targets, warnings, handling, escalations,
 * entitlements) seeds version 1 of the SLA policy at the first start; later versions are made over the API.
 */
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

    Handling handling();

    /** The channels each plan includes. */
    Map<Plan, List<Channel>> entitlements();

    /** The escalation ladder: levels in order, each for the plans and priorities it names (all when none). */
    List<Escalation> escalations();

    /** When tickets are taken up: the policy's handling hours. */
    interface Handling {

        /** Off: no handling clocks, pages or escalations (the response clock runs as before). */
        @WithDefault("true")
        boolean enabled();

        /** The handling mode of each priority. */
        Map<Priority, HandlingMode> modes();

        /**
         * The plans whose BUSINESS_HOURS_EXTENDED tickets (P2) have people outside business hours; other plans' wait for
         * the opening.
         */
        Optional<Set<Plan>> extendedCover();

        /** Time from handleFrom to the first take-up, per plan and priority: business time for business-hours handling. */
        Map<Plan, Map<Priority, Duration>> targets();

        /** The fraction of the handling target at which ops are warned. */
        @WithDefault("0.75")
        double warningFraction();

        /** A ticket for business hours arriving this close to a closing is handled from the next opening. */
        @WithDefault("15m")
        Duration closingMargin();

        /** The schedule of plans {@link #schedules()} does not name. */
        @WithDefault("default")
        String defaultSchedule();

        /** A schedule per plan, where it is not the default. */
        Map<Plan, String> schedules();

        /** The on-call rotation paged for P1, and for P2 outside business hours when extended cover is on. */
        @WithDefault("default")
        String rotation();
    }

    interface Escalation {

        EscalationTrigger trigger();

        /** How long after the trigger, with nobody taking the ticket up, the level fires. */
        @WithDefault("PT0S")
        Duration after();

        Optional<Set<Plan>> plans();

        Optional<Set<Priority>> priorities();

        /** {@code email:<address>}, {@code webhook:<name>} or {@code on-call}. */
        List<String> recipients();

        /** The recipients' business-hours schedule (not for P1); the ticket's when absent. */
        Optional<String> schedule();
    }

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

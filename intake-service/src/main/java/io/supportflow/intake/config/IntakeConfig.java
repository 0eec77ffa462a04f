package io.supportflow.intake.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.intake.domain.UnknownAccountPolicy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * Intake's settings: channel adapters' and billing's API keys, the account directory, limits, contact times,
 * the ticket view. The channels each plan includes are the SLA policy's (sla.policies).
 */
@ConfigMapping(prefix = "supportflow.intake")
public interface IntakeConfig {

    /** The API key of each channel's adapter. */
    Map<Channel, String> apiKeys();

    /** The API keys of billing or CRM systems, which keep the account directory, by the name changes are recorded under. */
    Map<String, String> billingKeys();

    Accounts accounts();

    /** How long a submission waits for the broker's acknowledgement before answering 503. */
    Duration publishTimeout();

    /** How many requests each channel adapter's API key may make. */
    RequestLimits requestLimits();

    Submissions submissions();

    ContactTime contactTime();

    View view();

    /** A token bucket per API key: a sustained rate and a burst on top of it. */
    interface RequestLimits {

        /** The limit of every key without its own. */
        @WithName("default")
        Limit defaultLimit();

        /** Limits of single keys, named by the key's channel. */
        Map<Channel, Limit> keys();
    }

    interface Limit {

        /** Requests per second, sustained. */
        @Positive
        double perSecond();

        /** Requests allowed at once after a quiet spell. */
        @Min(1)
        int burst();
    }

    /** The account directory: the plan each ticket runs on. */
    interface Accounts {

        /** What a ticket from an account the directory does not know gets, per channel; REFUSE where not said. */
        Map<Channel, UnknownAccountPolicy> unknown();

        /** The plan of a ticket accepted from an unknown account under DEFAULT_PLAN. */
        @WithDefault("FREE")
        Plan defaultPlan();

        /** The most lines of an import applied in one transaction. */
        @Min(1)
        @WithDefault("500")
        int importBatch();
    }

    /** How accepted submissions are written: queued, and stored many per transaction. */
    interface Submissions {

        /** Submissions waiting to be stored; when this many wait, intake answers 503 until some are. */
        @Min(1)
        @WithDefault("2000")
        int queueCapacity();

        /** The most submissions stored in one transaction. */
        @Min(1)
        @WithDefault("200")
        int maxBatch();

        /**
         * Threads storing submissions, each a transaction at a time: while one waits for the database,
         * another stores what queued up meanwhile.
         */
        @Min(1)
        @WithDefault("2")
        int writers();
    }

    /**
     * Bounds of the contact time ({@code submittedAt}) an adapter may report, around the moment intake
     * received the ticket: the response clock starts there.
     */
    interface ContactTime {

        /** How far ahead of intake's clock it may be, for the adapter's clock running a little fast. */
        @WithDefault("PT30S")
        Duration maxSkew();

        /** How long before the ticket's receipt it may be (a long call, a chat that went on for a while). */
        @WithDefault("PT1H")
        Duration maxAge();
    }

    /** The ticket view, the read model built from the ticket topics. */
    interface View {

        /** Replay the topics at start when the view is empty (a new or wiped database). */
        @WithDefault("true")
        boolean rebuildWhenEmpty();

        /** The Kafka consumer group of the view's channel; a new group reads every topic from its start. */
        String groupId();
    }
}

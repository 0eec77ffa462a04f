package io.supportflow.intake.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/** Intake's settings: channel adapters' API keys, plan entitlements, limits, the ticket view. */
@ConfigMapping(prefix = "supportflow.intake")
public interface IntakeConfig {

    /** The API key of each channel's adapter. */
    Map<Channel, String> apiKeys();

    /** The channels each plan includes. */
    Map<Plan, List<Channel>> entitlements();

    /** How long a submission waits for the broker's acknowledgement before answering 503. */
    Duration publishTimeout();

    /** The largest request body accepted, in bytes; larger ones get 413. */
    @WithDefault("65536")
    long maxBodyBytes();

    View view();

    /** The ticket view, the read model built from the ticket topics. */
    interface View {

        /** Replay the topics at start when the view is empty (a new or wiped database). */
        @WithDefault("true")
        boolean rebuildWhenEmpty();

        /** The Kafka consumer group of the view's channels; a new group reads every topic from its start. */
        String groupId();
    }
}

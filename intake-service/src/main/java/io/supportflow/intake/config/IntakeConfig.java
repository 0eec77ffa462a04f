package io.supportflow.intake.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/** Intake's settings: channel adapters' API keys, plan entitlements, how long to wait for the broker. */
@ConfigMapping(prefix = "supportflow.intake")
public interface IntakeConfig {

    /** The API key of each channel's adapter. */
    Map<Channel, String> apiKeys();

    /** The channels each plan includes. */
    Map<Plan, List<Channel>> entitlements();

    /** How long a submission waits for the broker's acknowledgement before answering 503. */
    Duration publishTimeout();
}

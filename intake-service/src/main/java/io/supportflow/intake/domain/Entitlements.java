package io.supportflow.intake.domain;

import java.util.List;
import java.util.Map;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/** Which channels a plan includes. */
public final class Entitlements {

    private final Map<Plan, List<Channel>> channelsByPlan;

    public Entitlements(Map<Plan, List<Channel>> channelsByPlan) {
        this.channelsByPlan = Map.copyOf(channelsByPlan);
    }

    public boolean allows(Plan plan, Channel channel) {
        return channelsOf(plan).contains(channel);
    }

    public List<Channel> channelsOf(Plan plan) {
        return channelsByPlan.getOrDefault(plan, List.of());
    }
}

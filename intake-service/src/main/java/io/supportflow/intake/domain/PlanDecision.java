package io.supportflow.intake.domain;

import java.util.Map;
import java.util.Optional;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

/**
 * Which plan a new ticket runs on: its account's, whatever the adapter named; for an account the directory does
 * not know, what the channel's {@link UnknownAccountPolicy} says. Then whether that plan includes the channel.
 */
public final class PlanDecision {

    private final Map<Channel, UnknownAccountPolicy> unknownAccounts;
    private final Plan defaultPlan;

    public PlanDecision(Map<Channel, UnknownAccountPolicy> unknownAccounts, Plan defaultPlan) {
        this.unknownAccounts = Map.copyOf(unknownAccounts);
        this.defaultPlan = defaultPlan;
    }

    /**
     * {@code account} is empty when the directory does not know the ticket's account; {@code entitlements} are the
     * SLA policy's in force.
     */
    public Outcome decide(Channel channel, Plan claimed, Optional<Account> account, Entitlements entitlements) {
        Plan plan;
        if (account.isPresent()) {
            plan = account.get().plan();
        } else {
            UnknownAccountPolicy policy = unknownAccounts.getOrDefault(channel, UnknownAccountPolicy.REFUSE);
            plan = switch (policy) {
                case REFUSE -> null;
                case DEFAULT_PLAN -> defaultPlan;
                case CLAIMED_PLAN -> claimed != null ? claimed : defaultPlan;
            };
            if (plan == null) {
                return new Outcome(null, null, Refusal.UNKNOWN_ACCOUNT);
            }
        }
        if (!entitlements.allows(plan, channel)) {
            return new Outcome(plan, null, Refusal.CHANNEL_NOT_INCLUDED);
        }
        return new Outcome(plan, claimed != null && claimed != plan ? claimed : null, null);
    }

    /**
     * The plan the ticket runs on, the differing plan the adapter named (null when it agreed or named none), or
     * why the ticket is refused.
     */
    public record Outcome(Plan plan, Plan mismatchedClaim, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    public enum Refusal {
        UNKNOWN_ACCOUNT,
        CHANNEL_NOT_INCLUDED
    }
}

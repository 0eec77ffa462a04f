package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;

class PlanDecisionTest {

    private static final Entitlements ENTITLEMENTS = new Entitlements(Map.of(
            Plan.FREE, List.of(Channel.WEB, Channel.CHAT),
            Plan.BUSINESS, List.of(Channel.WEB, Channel.CHAT, Channel.PHONE)));
    private static final PlanDecision SHIPPED = new PlanDecision(Map.of(Channel.WEB, UnknownAccountPolicy.DEFAULT_PLAN,
            Channel.PHONE, UnknownAccountPolicy.REFUSE), Plan.FREE);
    private static final Optional<Account> FREE_ACCOUNT = Optional.of(new Account("A", Plan.FREE, null, null, null));

    @Test
    void theAccountsPlanRulesAndADifferentClaimIsKept() {
        PlanDecision.Outcome outcome = SHIPPED.decide(Channel.WEB, Plan.BUSINESS, FREE_ACCOUNT, ENTITLEMENTS);

        assertThat(outcome.plan()).isEqualTo(Plan.FREE);
        assertThat(outcome.mismatchedClaim()).isEqualTo(Plan.BUSINESS);
        assertThat(outcome.refused()).isFalse();
    }

    @Test
    void anAgreeingOrMissingClaimIsNoMismatch() {
        assertThat(SHIPPED.decide(Channel.WEB, Plan.FREE, FREE_ACCOUNT, ENTITLEMENTS).mismatchedClaim()).isNull();
        assertThat(SHIPPED.decide(Channel.WEB, null, FREE_ACCOUNT, ENTITLEMENTS).mismatchedClaim()).isNull();
    }

    @Test
    void theAccountsPlanDecidesTheChannelNotTheClaim() {
        PlanDecision.Outcome outcome = SHIPPED.decide(Channel.PHONE, Plan.BUSINESS, FREE_ACCOUNT, ENTITLEMENTS);

        assertThat(outcome.refusal()).isEqualTo(PlanDecision.Refusal.CHANNEL_NOT_INCLUDED);
        assertThat(outcome.plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void anUnknownAccountFollowsItsChannelsPolicyAndAChannelWithoutOneRefuses() {
        assertThat(SHIPPED.decide(Channel.WEB, Plan.BUSINESS, Optional.empty(), ENTITLEMENTS))
                .extracting(PlanDecision.Outcome::plan, PlanDecision.Outcome::mismatchedClaim)
                .containsExactly(Plan.FREE, Plan.BUSINESS);
        assertThat(SHIPPED.decide(Channel.PHONE, Plan.BUSINESS, Optional.empty(), ENTITLEMENTS).refusal())
                .isEqualTo(PlanDecision.Refusal.UNKNOWN_ACCOUNT);
        assertThat(SHIPPED.decide(Channel.CHAT, Plan.FREE, Optional.empty(), ENTITLEMENTS).refusal())
                .isEqualTo(PlanDecision.Refusal.UNKNOWN_ACCOUNT);
    }

    @Test
    void claimedPlanTakesTheAdaptersWordForUnknownAccountsOnlyAndTheDefaultWithoutOne() {
        PlanDecision trusting = new PlanDecision(Map.of(Channel.PHONE, UnknownAccountPolicy.CLAIMED_PLAN), Plan.FREE);

        assertThat(trusting.decide(Channel.PHONE, Plan.BUSINESS, Optional.empty(), ENTITLEMENTS).plan())
                .isEqualTo(Plan.BUSINESS);
        assertThat(trusting.decide(Channel.PHONE, null, Optional.empty(), ENTITLEMENTS).refusal())
                .isEqualTo(PlanDecision.Refusal.CHANNEL_NOT_INCLUDED);
        assertThat(trusting.decide(Channel.PHONE, Plan.BUSINESS, FREE_ACCOUNT, ENTITLEMENTS).refusal())
                .isEqualTo(PlanDecision.Refusal.CHANNEL_NOT_INCLUDED);
    }
}

package io.supportflow.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TriageReviewRequested;

class PriorityDecisionTest {

    private static final Instant T = Instant.parse("2031-06-01T08:00:00Z");

    @Test
    void theRulesAssignmentIsTheirOwnPriority() {
        PriorityDecision decision = PriorityDecision.of(
                new PriorityAssigned("t-1", Priority.P3, null, PrioritySource.RULES, "impact", "why", null, T));

        assertThat(decision).isEqualTo(new PriorityDecision("t-1",
                new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P3, T), false, Priority.P3));
    }

    @Test
    void anAgentsAssignmentHasNoRulesPriority() {
        PriorityDecision decision = PriorityDecision.of(
                new PriorityAssigned("t-1", Priority.P1, Priority.P3, PrioritySource.AGENT, "agent", "why", "a-7", T));

        assertThat(decision.byAgent()).isTrue();
        assertThat(decision.rulesPriority()).isNull();
        assertThat(decision.change()).isEqualTo(new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P1, T));
    }

    @Test
    void aReviewsClockRunsOnTheStricterPriorityWhileTheRulesGaveTheProvisionalOne() {
        PriorityDecision decision = PriorityDecision.of(
                new TriageReviewRequested("t-1", Priority.P2, "unsure", T, Priority.P1));

        assertThat(decision.change()).isEqualTo(new PriorityChange(PriorityChange.Kind.PROVISIONAL, Priority.P1, T));
        assertThat(decision.byAgent()).isFalse();
        assertThat(decision.rulesPriority()).isEqualTo(Priority.P2);
    }

    @Test
    void onlyTheRulesDecisionsHaveARulesPriority() {
        PriorityChange change = new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P1, T);

        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityDecision("t-1", change, true, Priority.P1));
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityDecision("t-1", change, false, null));
    }
}

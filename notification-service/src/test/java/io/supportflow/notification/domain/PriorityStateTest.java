package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TriageReviewRequested;

class PriorityStateTest {

    private static final String TICKET = "ticket-1";
    private static final Instant REVIEWED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-12-01T09:20:00.123456789Z");

    @Test
    void aReviewRequestDecidesAnUndecidedTicketProvisionally() {
        PriorityState state = PriorityState.UNDECIDED.decided(review(Priority.P3, Priority.P1));

        assertThat(state.priority()).isEqualTo(Priority.P3);
        assertThat(state.provisional()).isTrue();
        assertThat(state.decidedAt()).isEqualTo(REVIEWED);
        assertThat(state.isTold()).isFalse();
    }

    @Test
    void theRulesAndReviewRequestsDecideOnlyOnce() {
        PriorityState reviewed = PriorityState.UNDECIDED.decided(review(Priority.P3, null));

        assertThat(reviewed.decided(rules(Priority.P1, REVIEWED.plusSeconds(5)))).isEqualTo(reviewed);
        assertThat(reviewed.decided(review(Priority.P2, null))).isEqualTo(reviewed);
    }

    @Test
    void anAgentOverrulesTheProvisionalPriorityAndTheChangeIsUntoldUntilTold() {
        PriorityState told = PriorityState.UNDECIDED.decided(review(Priority.P3, null)).toldNow();

        PriorityState changed = told.decided(agent(Priority.P1, Priority.P3, DECIDED));

        assertThat(changed.priority()).isEqualTo(Priority.P1);
        assertThat(changed.provisional()).isFalse();
        assertThat(changed.told()).isEqualTo(Priority.P3);
        assertThat(changed.hasUntoldChange()).isTrue();
        assertThat(changed.toldNow().hasUntoldChange()).isFalse();
    }

    @Test
    void anAgentConfirmingTheToldPriorityLeavesNothingUntold() {
        PriorityState told = PriorityState.UNDECIDED.decided(review(Priority.P2, null)).toldNow();

        PriorityState confirmed = told.decided(agent(Priority.P2, Priority.P2, DECIDED));

        assertThat(confirmed.provisional()).isFalse();
        assertThat(confirmed.hasUntoldChange()).isFalse();
    }

    @Test
    void aRedeliveredOrOlderAgentDecisionChangesNothingEvenInDatabasePrecision() {
        PriorityState told = PriorityState.UNDECIDED.decided(review(Priority.P3, null)).toldNow()
                .decided(agent(Priority.P1, Priority.P3, DECIDED)).toldNow();
        // As read back from PostgreSQL, which keeps microseconds.
        PriorityState stored = new PriorityState(told.priority(), told.decidedAt(), told.provisional(), told.told());

        assertThat(stored.decided(agent(Priority.P1, Priority.P3, DECIDED))).isEqualTo(stored);
        assertThat(stored.decided(agent(Priority.P4, Priority.P3, DECIDED.minusSeconds(60)))).isEqualTo(stored);
        assertThat(stored.decidedAt()).isEqualTo(Instant.parse("2026-12-01T09:20:00.123456Z"));
    }

    @Test
    void anAgentDecisionBeforeTheTicketIsToldIsWhatItWillBeToldWithoutAChange() {
        PriorityState state = PriorityState.UNDECIDED.decided(review(Priority.P3, null))
                .decided(agent(Priority.P1, Priority.P3, DECIDED));

        assertThat(state.hasUntoldChange()).isFalse();
        assertThat(state.toldNow().told()).isEqualTo(Priority.P1);
    }

    @Test
    void eachDecisionNamesItsOwnOccasionAndTheSameDecisionTheSameOne() {
        PriorityState toP1 = PriorityState.UNDECIDED.decided(agent(Priority.P1, Priority.P3, DECIDED));
        PriorityState toP2 = toP1.decided(agent(Priority.P2, Priority.P1, DECIDED.plusSeconds(60)));

        assertThat(toP1.occasion()).isEqualTo("P1-20261201T092000123456Z")
                .isEqualTo(PriorityState.UNDECIDED.decided(agent(Priority.P1, Priority.P3, DECIDED)).occasion());
        assertThat(toP2.occasion()).isEqualTo("P2-20261201T092100123456Z");
    }

    private static TriageReviewRequested review(Priority provisional, Priority clockPriority) {
        return new TriageReviewRequested(TICKET, provisional, "unsure", REVIEWED, clockPriority);
    }

    private static PriorityAssigned rules(Priority priority, Instant at) {
        return new PriorityAssigned(TICKET, priority, null, PrioritySource.RULES, "service-down", "rule", null, at);
    }

    private static PriorityAssigned agent(Priority priority, Priority previous, Instant at) {
        return new PriorityAssigned(TICKET, priority, previous, PrioritySource.AGENT, "agent", "checked", "agent-1", at);
    }
}

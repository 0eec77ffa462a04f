package io.supportflow.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Priority;

class PriorityHistoryTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theLatestAssignedDecisionWinsWhateverOrderTheyArrivedIn() {
        List<PriorityChange> arrivedOutOfOrder = List.of(
                new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P1, T.plusSeconds(60)),
                new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P3, T));

        assertThat(PriorityHistory.inForce(arrivedOutOfOrder, null)).contains(Priority.P1);
    }

    @Test
    void anAssignedPriorityOverridesAProvisionalOne() {
        List<PriorityChange> changes = List.of(
                new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P2, T),
                new PriorityChange(PriorityChange.Kind.PROVISIONAL, Priority.P4, T.plusSeconds(60)));

        assertThat(PriorityHistory.inForce(changes, null)).contains(Priority.P2);
    }

    @Test
    void decisionsAfterTheCutoffDoNotCount() {
        List<PriorityChange> changes = List.of(
                new PriorityChange(PriorityChange.Kind.PROVISIONAL, Priority.P2, T),
                new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P1, T.plusSeconds(60)));

        assertThat(PriorityHistory.inForce(changes, T.plusSeconds(30))).contains(Priority.P2);
        assertThat(PriorityHistory.inForce(changes, T.minusSeconds(1))).isEmpty();
    }
}

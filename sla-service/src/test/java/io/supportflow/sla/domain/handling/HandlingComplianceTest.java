package io.supportflow.sla.domain.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

class HandlingComplianceTest {

    private static final Instant DUE = Instant.parse("2031-05-05T10:00:00Z");

    @Test
    void takenUpByTheDueTimeIsMetLaterOrStillWaitingPastItIsBreachedTheRestIsOpen() {
        List<HandlingHistory> clocks = List.of(
                new HandlingHistory(Plan.PRO, Priority.P1, DUE, DUE),
                new HandlingHistory(Plan.PRO, Priority.P1, DUE, DUE.plusSeconds(1)),
                new HandlingHistory(Plan.PRO, Priority.P1, DUE, null),
                new HandlingHistory(Plan.PRO, Priority.P1, DUE.plusSeconds(3600), null),
                new HandlingHistory(Plan.FREE, Priority.P3, DUE.plusSeconds(3600), null));

        List<HandlingCompliance.Row> rows = HandlingCompliance.compute(clocks, DUE.plusSeconds(60));

        assertThat(rows).containsExactly(
                new HandlingCompliance.Row(Plan.FREE, Priority.P3, 1, 0, 0, 1, null),
                new HandlingCompliance.Row(Plan.PRO, Priority.P1, 4, 1, 2, 1, 33.3));
    }
}

package io.supportflow.runtime.report;

import static io.supportflow.events.Priority.P1;
import static io.supportflow.events.Priority.P2;
import static io.supportflow.events.Priority.P3;
import static io.supportflow.events.Priority.P4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportflow.runtime.report.Agreement.ConfusionRow;
import io.supportflow.runtime.report.Agreement.PriorityAgreement;
import io.supportflow.runtime.report.Agreement.ReviewedAgreement;

class AgreementTest {

    private static final Instant FROM = Instant.parse("2031-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2031-07-01T00:00:00Z");

    @Test
    void countsAgreementOnTheDiagonalAndDisagreementOffIt() {
        Agreement agreement = Agreement.of(FROM, TO, List.of(
                new DecisionCount(P1, P1, false, 3),
                new DecisionCount(P1, P2, false, 1),
                new DecisionCount(P2, P2, false, 2),
                new DecisionCount(P3, P2, true, 1),
                new DecisionCount(P3, P3, true, 4),
                new DecisionCount(P4, P3, false, 1)));

        assertThat(agreement.from()).isEqualTo(FROM);
        assertThat(agreement.to()).isEqualTo(TO);
        assertThat(agreement.decisions()).isEqualTo(12);
        assertThat(agreement.agreed()).isEqualTo(9);
        assertThat(agreement.agreement()).isCloseTo(0.75, within(1e-9));
        assertThat(agreement.reviewed()).isEqualTo(new ReviewedAgreement(5, 4));
        assertThat(agreement.confusion()).containsExactly(
                new ConfusionRow(P1, Map.of(P1, 3L, P2, 1L, P3, 0L, P4, 0L)),
                new ConfusionRow(P2, Map.of(P1, 0L, P2, 2L, P3, 0L, P4, 0L)),
                new ConfusionRow(P3, Map.of(P1, 0L, P2, 1L, P3, 4L, P4, 0L)),
                new ConfusionRow(P4, Map.of(P1, 0L, P2, 0L, P3, 1L, P4, 0L)));
    }

    @Test
    void recallIsPerPriorityTheAgentGaveAndNullWhereTheAgentGaveItNever() {
        Agreement agreement = Agreement.of(FROM, TO, List.of(
                new DecisionCount(P1, P1, false, 3),
                new DecisionCount(P1, P2, false, 1),
                new DecisionCount(P2, P2, false, 2),
                new DecisionCount(P3, P2, true, 1),
                new DecisionCount(P3, P3, true, 4),
                new DecisionCount(P4, P3, false, 1)));

        assertThat(agreement.perPriority()).containsExactly(
                new PriorityAgreement(P1, 3, 3, 1.0),
                new PriorityAgreement(P2, 4, 2, 0.5),
                new PriorityAgreement(P3, 5, 4, 0.8),
                new PriorityAgreement(P4, 0, 0, null));
    }

    @Test
    void theSameCellReportedTwiceIsAddedUp() {
        // A query may report one cell in two rows, reviewed and not; they count together.
        Agreement agreement = Agreement.of(FROM, TO, List.of(
                new DecisionCount(P2, P4, false, 2),
                new DecisionCount(P2, P4, true, 3)));

        assertThat(agreement.confusion().get(1).agent()).containsEntry(P4, 5L);
        assertThat(agreement.perPriority().get(3)).isEqualTo(new PriorityAgreement(P4, 5, 0, 0.0));
        assertThat(agreement.reviewed()).isEqualTo(new ReviewedAgreement(3, 0));
        assertThat(agreement.agreement()).isEqualTo(0.0);
    }

    @Test
    void noDecisionsGiveNoFractionsButAFullMatrixOfZeros() {
        Agreement agreement = Agreement.of(FROM, TO, List.of());

        assertThat(agreement.decisions()).isZero();
        assertThat(agreement.agreed()).isZero();
        assertThat(agreement.agreement()).isNull();
        assertThat(agreement.perPriority()).extracting(PriorityAgreement::recall).containsOnlyNulls();
        assertThat(agreement.perPriority()).extracting(PriorityAgreement::priority).containsExactly(P1, P2, P3, P4);
        assertThat(agreement.reviewed()).isEqualTo(new ReviewedAgreement(0, 0));
        assertThat(agreement.confusion()).hasSize(4)
                .allSatisfy(row -> assertThat(row.agent()).containsOnlyKeys(P1, P2, P3, P4).containsValues(0L));
    }
}

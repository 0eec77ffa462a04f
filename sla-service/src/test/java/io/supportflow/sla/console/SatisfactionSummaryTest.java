package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportflow.sla.console.SatisfactionSummary.Answer;

class SatisfactionSummaryTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-08T00:00:00Z");

    @Test
    void csatIsTheShareOfRatingsFourOrFiveOverallAndPerDay() {
        SatisfactionSummary summary = SatisfactionSummary.of(FROM, TO, List.of(
                new Answer("t1", 5, null, Instant.parse("2026-03-02T09:00:00Z")),
                new Answer("t2", 4, null, Instant.parse("2026-03-02T23:59:59Z")),
                new Answer("t3", 1, null, Instant.parse("2026-03-03T00:00:00Z")),
                new Answer("t4", 3, null, Instant.parse("2026-03-03T10:00:00Z"))), 10);

        assertThat(summary.responses()).isEqualTo(4);
        assertThat(summary.csatPercent()).isEqualTo(50.0);
        assertThat(summary.averageRating()).isEqualTo(3.25);
        assertThat(summary.trend()).containsExactly(
                new SatisfactionSummary.Day(LocalDate.parse("2026-03-02"), 2, 100.0, 4.5),
                new SatisfactionSummary.Day(LocalDate.parse("2026-03-03"), 2, 0.0, 2.0));
    }

    @Test
    void recentCommentsAreTheLatestNonBlankOnesWithTheirTicketReference() {
        SatisfactionSummary summary = SatisfactionSummary.of(FROM, TO, List.of(
                new Answer("t1", 5, "first", Instant.parse("2026-03-02T09:00:00Z")),
                new Answer("t2", 2, "  ", Instant.parse("2026-03-02T10:00:00Z")),
                new Answer("t3", 4, "second", Instant.parse("2026-03-02T11:00:00Z")),
                new Answer("t4", 1, "third", Instant.parse("2026-03-02T12:00:00Z"))), 2)
                .withReferences(Map.of("t4", "SF-T4"));

        assertThat(summary.recentComments()).extracting(SatisfactionSummary.Comment::comment)
                .containsExactly("third", "second");
        assertThat(summary.recentComments()).extracting(SatisfactionSummary.Comment::reference)
                .containsExactly("SF-T4", null);
    }

    @Test
    void aPeriodWithoutAnswersHasNoFigures() {
        SatisfactionSummary summary = SatisfactionSummary.of(FROM, TO, List.of(), 10);

        assertThat(summary.responses()).isZero();
        assertThat(summary.csatPercent()).isNull();
        assertThat(summary.averageRating()).isNull();
        assertThat(summary.trend()).isEmpty();
    }
}

package io.supportflow.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

class SurveyStatisticsTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    private static SurveyFacts survey(String id, Plan plan, Integer rating, String comment, String respondedAt) {
        return new SurveyFacts(id, "SF-" + id, plan, Priority.P2, Channel.WEB, FROM, rating, comment,
                respondedAt == null ? null : Instant.parse(respondedAt));
    }

    @Test
    void csatIsTheShareOfFoursAndFivesAmongAnswersNotAmongRequests() {
        SurveyStats stats = SurveyStatistics.of(FROM, TO, List.of(
                survey("1", Plan.PRO, 5, null, "2026-01-02T00:00:00Z"),
                survey("2", Plan.PRO, 4, null, "2026-01-02T00:00:00Z"),
                survey("3", Plan.PRO, 1, null, "2026-01-02T00:00:00Z"),
                survey("4", Plan.PRO, null, null, null)), 10);

        assertThat(stats.overall()).isEqualTo(new SurveyStats.Figures(4, 3, 0.75, 0.6667, 3.3333));
    }

    @Test
    void withoutAnswersRatesAndAveragesAreUnknownNotZero() {
        SurveyStats stats = SurveyStatistics.of(FROM, TO, List.of(survey("1", Plan.FREE, null, null, null)), 10);

        assertThat(stats.overall()).isEqualTo(new SurveyStats.Figures(1, 0, 0.0, null, null));
        assertThat(SurveyStatistics.of(FROM, TO, List.of(), 10).overall())
                .isEqualTo(new SurveyStats.Figures(0, 0, null, null, null));
    }

    @Test
    void surveysWithoutAKnownPriorityAreCountedAsUnknown() {
        SurveyFacts untriaged = new SurveyFacts("1", "SF-1", Plan.PRO, null, Channel.CHAT, FROM, 3, null, FROM);

        SurveyStats stats = SurveyStatistics.of(FROM, TO, List.of(untriaged), 10);

        assertThat(stats.byPriority()).containsOnlyKeys(SurveyStatistics.UNKNOWN);
        assertThat(stats.byChannel()).containsOnlyKeys("CHAT");
        assertThat(stats.byPlan()).containsOnlyKeys("PRO");
    }

    @Test
    void latestCommentsAreTheNewestNonBlankOnesUpToTheLimit() {
        SurveyStats stats = SurveyStatistics.of(FROM, TO, List.of(
                survey("old", Plan.PRO, 5, "old", "2026-01-02T00:00:00Z"),
                survey("blank", Plan.PRO, 5, "  ", "2026-01-05T00:00:00Z"),
                survey("new", Plan.PRO, 2, "new", "2026-01-04T00:00:00Z"),
                survey("mid", Plan.PRO, 3, "mid", "2026-01-03T00:00:00Z")), 2);

        assertThat(stats.latestComments()).extracting(SurveyStats.Comment::comment).containsExactly("new", "mid");
    }
}

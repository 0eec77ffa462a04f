package io.supportflow.survey.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Satisfaction over the surveys requested in [{@code from}, {@code to}). CSAT is the share of
 * answers rating 4 or 5; rates and averages are null when there is nothing to divide by.
 */
public record SurveyStats(
        Instant from,
        Instant to,
        Figures overall,
        Map<String, Figures> byPlan,
        Map<String, Figures> byPriority,
        Map<String, Figures> byChannel,
        List<Comment> latestComments) {

    public record Figures(long requested, long responded, Double responseRate, Double csat, Double averageRating) {
    }

    public record Comment(String surveyId, String reference, int rating, String comment, Instant respondedAt) {
    }
}

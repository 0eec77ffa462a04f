package io.supportflow.events;

import java.time.Instant;

/** The customer answered a survey with a rating from 1 to 5 and an optional comment. */
public record SurveyCompleted(String ticketId, String surveyId, int rating, String comment, Instant respondedAt)
        implements SurveyEvent {
}

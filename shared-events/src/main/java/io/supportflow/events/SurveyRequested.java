package io.supportflow.events;

import java.time.Instant;

/** A satisfaction survey was opened for a solved ticket; {@code url} carries its secret token. */
public record SurveyRequested(
        String ticketId, String surveyId, String url, String email, String locale, Instant expiresAt)
        implements SurveyEvent {
}

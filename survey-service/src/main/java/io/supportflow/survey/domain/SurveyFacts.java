package io.supportflow.survey.domain;

import java.time.Instant;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/** One survey as statistics see it; {@code rating} is null while unanswered, {@code priority} until triaged. */
public record SurveyFacts(
        String surveyId,
        String reference,
        Plan plan,
        Priority priority,
        Channel channel,
        Instant requestedAt,
        Integer rating,
        String comment,
        Instant respondedAt) {

    public boolean answered() {
        return rating != null;
    }
}

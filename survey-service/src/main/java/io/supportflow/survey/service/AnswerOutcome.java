package io.supportflow.survey.service;

import io.supportflow.survey.domain.InvalidAnswerException;

/**
 * The result of posting a survey form. {@code invalid} says what is wrong, and with which field, when
 * {@code kind} is INVALID; the page then carries what was posted, to show the form again.
 */
public record AnswerOutcome(Kind kind, SurveyPage page, InvalidAnswerException.Reason invalid) {

    public enum Kind { COMPLETED, ALREADY_ANSWERED, EXPIRED, FORGED, INVALID }

    static AnswerOutcome of(Kind kind, SurveyPage page) {
        return new AnswerOutcome(kind, page, null);
    }
}

package io.supportflow.survey.service;

/**
 * The result of posting a survey form. {@code invalidField} names the field at fault when
 * {@code kind} is INVALID; the page then carries what was posted, to show the form again.
 */
public record AnswerOutcome(Kind kind, SurveyPage page, String invalidField) {

    public enum Kind { COMPLETED, ALREADY_ANSWERED, EXPIRED, FORGED, INVALID }

    static AnswerOutcome of(Kind kind, SurveyPage page) {
        return new AnswerOutcome(kind, page, null);
    }
}

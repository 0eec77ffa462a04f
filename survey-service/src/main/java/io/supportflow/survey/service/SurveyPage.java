package io.supportflow.survey.service;

import java.util.Locale;

/**
 * What the survey page shows: the ticket's reference and subject as the customer typed them
 * (templates escape them), the signed form field and, once answered, the answer.
 */
public record SurveyPage(
        State state,
        String token,
        String reference,
        String subject,
        Locale locale,
        String formSignature,
        Integer rating,
        String comment) {

    public enum State { OPEN, ANSWERED, EXPIRED }

    SurveyPage withAnswer(Integer answeredRating, String answeredComment) {
        return new SurveyPage(state, token, reference, subject, locale, formSignature, answeredRating, answeredComment);
    }
}

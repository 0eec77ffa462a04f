package io.supportflow.survey.domain;

import java.util.Optional;

import io.supportflow.runtime.text.TextRules;
import io.supportflow.survey.domain.InvalidAnswerException.Reason;

/**
 * A customer's answer as posted by the survey form, checked: a rating from 1 to 5 and an optional
 * comment, kept as typed (trimmed) under the text rules every service applies to free text.
 */
public record SurveyAnswer(int rating, String comment) {

    public static final String RATING = "rating";
    public static final String COMMENT = "comment";

    /**
     * Reads the posted fields.
     *
     * @throws InvalidAnswerException naming the field at fault
     */
    public static SurveyAnswer parse(String rating, String comment, int commentMaxLength) {
        int value = parseRating(rating);
        String text = comment == null ? "" : comment.strip();
        if (text.length() > commentMaxLength) {
            throw new InvalidAnswerException(Reason.COMMENT_TOO_LONG, "comment is longer than " + commentMaxLength + " characters");
        }
        // The same rules as every other free text; the length is counted above, in characters as the form counts them.
        Optional<String> problem = TextRules.textProblem(text, Integer.MAX_VALUE);
        if (problem.isPresent()) {
            throw new InvalidAnswerException(Reason.COMMENT_NOT_TEXT, "comment " + problem.get());
        }
        return new SurveyAnswer(value, text.isEmpty() ? null : text);
    }

    private static int parseRating(String rating) {
        try {
            int value = Integer.parseInt(rating == null ? "" : rating.strip());
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as a number out of range
        }
        throw new InvalidAnswerException(Reason.RATING_OUT_OF_RANGE, "rating must be a whole number from 1 to 5");
    }
}

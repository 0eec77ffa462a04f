package io.supportflow.survey.domain;

/** A posted survey answer that cannot be stored; {@code reason} says why and names the form field at fault. */
public class InvalidAnswerException extends RuntimeException {

    /** What is wrong with an answer, each with the form field at fault. */
    public enum Reason {
        RATING_OUT_OF_RANGE(SurveyAnswer.RATING),
        COMMENT_TOO_LONG(SurveyAnswer.COMMENT),
        /** Control characters or broken Unicode: text that cannot be stored and shown as it was typed. */
        COMMENT_NOT_TEXT(SurveyAnswer.COMMENT);

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Reason reason;

    public InvalidAnswerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return reason.field();
    }
}

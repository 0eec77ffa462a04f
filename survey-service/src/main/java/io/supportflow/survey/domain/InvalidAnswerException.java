package io.supportflow.survey.domain;

/** A posted survey answer that cannot be stored; {@code field} names the form field at fault. */
public class InvalidAnswerException extends RuntimeException {

    private final String field;

    public InvalidAnswerException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

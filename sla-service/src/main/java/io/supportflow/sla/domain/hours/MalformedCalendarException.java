package io.supportflow.sla.domain.hours;

/**
 * An iCalendar text that cannot be read as holidays. The message says what is wrong and where (a line, the n-th
 * event) but never repeats the text, which may come from anyone who can call the API.
 */
public final class MalformedCalendarException extends Exception {

    public MalformedCalendarException(String message) {
        super(message);
    }
}

package io.supportflow.sla.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.supportflow.runtime.problem.FieldError;

/** A schedule or rotation that cannot be stored, with every field at fault; nothing was stored or published. */
public class InvalidCalendarException extends RuntimeException {

    private final String detail;
    private final List<FieldError> errors;

    public InvalidCalendarException(String detail, List<FieldError> errors) {
        super(detail + ": " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /**
     * Throws when the request had {@code unreadable} parts or the rules found {@code problems} (path → message). A
     * field the request could not read is named once, for that: the rules, given nothing there, would only add
     * that it is required.
     */
    static void throwIfAny(String detail, List<FieldError> unreadable, Map<String, String> problems) {
        List<FieldError> errors = new ArrayList<>(unreadable);
        Set<String> named = unreadable.stream().map(FieldError::field).collect(Collectors.toSet());
        problems.forEach((field, message) -> {
            if (!named.contains(field)) {
                errors.add(new FieldError(field, message));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw new InvalidCalendarException(detail, errors);
        }
    }

    /** What was refused, without the fields. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

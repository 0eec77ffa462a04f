package io.supportflow.runtime.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.supportflow.runtime.problem.FieldError;

/**
 * Reads an ISO-8601 instant a client sent (a period's end, say). A bad one becomes a
 * {@link FieldError} that does not repeat it.
 */
public final class InstantParams {

    // PostgreSQL keeps timestamps only between 4713 BC and 294276 AD; Instant goes far beyond both.
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private InstantParams() {
    }

    /**
     * {@code value} as {@link #parse} reads it, and a missing or blank one is an error too: the ends of
     * a period a report is asked for, say.
     */
    public static Optional<Instant> required(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (an ISO-8601 instant such as 2026-03-02T08:00:00Z)"));
            return Optional.empty();
        }
        return parse(field, value, errors);
    }

    /** {@code value} as an instant between {@link #EARLIEST} and {@link #LATEST}, or empty with an error for {@code field}. */
    public static Optional<Instant> parse(String field, String value, List<FieldError> errors) {
        try {
            Instant instant = Instant.parse(value);
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return Optional.of(instant);
            }
            errors.add(new FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is not an ISO-8601 instant such as 2026-03-02T08:00:00Z"));
        }
        return Optional.empty();
    }
}

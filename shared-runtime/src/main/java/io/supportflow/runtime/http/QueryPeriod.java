package io.supportflow.runtime.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * The period of a report or query, read the same way on every service from its {@code from} and {@code to}
 * parameters (ISO-8601 instants, {@code from} inclusive, {@code to} exclusive): {@code to} defaults to now,
 * {@code from} to {@link #DEFAULT_LENGTH} before {@code to}, and {@code to} must be after {@code from}. Bad input is a
 * 400 problem naming each field at fault.
 */
public record QueryPeriod(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    public static QueryPeriod of(String from, String to, Instant now) {
        return of(from, to, now, DEFAULT_LENGTH);
    }

    /** As {@link #of(String, String, Instant)}, with a default length the service makes configurable. */
    public static QueryPeriod of(String from, String to, Instant now, Duration defaultLength) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Instant> end = absent(to) ? Optional.of(now) : InstantParams.parse("to", to, errors);
        Optional<Instant> start = absent(from) ? end.map(e -> e.minus(defaultLength))
                : InstantParams.parse("from", from, errors);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            // Name the parameter the client sent: a from in the future with no to is from's fault.
            errors.add(absent(to) ? new FieldError("from", "must be before now (to, when not given)")
                    : new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is not valid", errors);
        }
        return new QueryPeriod(start.get(), end.get());
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}

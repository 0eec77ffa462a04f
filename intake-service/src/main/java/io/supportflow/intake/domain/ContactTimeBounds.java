package io.supportflow.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.supportflow.runtime.problem.FieldError;

/**
 * How far the contact time an adapter reports ({@code submittedAt}: a call's start, a chat's first
 * message) may lie from the moment intake received the ticket. The response clock starts there, so an
 * adapter must not start it in the future (beyond {@code maxSkew}, the clocks of two machines never agree
 * exactly) nor backdate it without limit ({@code maxAge}). Both bounds are inclusive.
 */
public record ContactTimeBounds(Duration maxSkew, Duration maxAge) {

    public static final String FIELD = "submittedAt";

    public ContactTimeBounds {
        if (maxSkew.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("the contact time's skew and age must not be negative");
        }
    }

    /** Empty when {@code submittedAt} is absent or within the bounds around {@code receivedAt}; else why not. */
    public Optional<FieldError> check(Instant submittedAt, Instant receivedAt) {
        if (submittedAt == null) {
            return Optional.empty();
        }
        if (submittedAt.isAfter(receivedAt.plus(maxSkew))) {
            return Optional.of(new FieldError(FIELD, "is in the future: it may be at most " + maxSkew
                    + " after the moment intake received the ticket (" + receivedAt + ")"));
        }
        if (submittedAt.isBefore(receivedAt.minus(maxAge))) {
            return Optional.of(new FieldError(FIELD, "is too old: it may be at most " + maxAge
                    + " before the moment intake received the ticket (" + receivedAt + ")"));
        }
        return Optional.empty();
    }
}

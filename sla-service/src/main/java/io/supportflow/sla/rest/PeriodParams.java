package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.domain.Period;
import jakarta.ws.rs.core.Response;

/** Reads a period given as ISO-8601 instants; bad input is a 400 naming the field (never repeating it). */
public final class PeriodParams {

    private PeriodParams() {
    }

    public static Period parse(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = InstantParams.required("from", from, errors).orElse(null);
        Instant end = InstantParams.required("to", to, errors).orElse(null);
        return validated(start, end, errors);
    }

    /** The period, or a 400 listing {@code errors} found so far and any of its own. */
    static Period validated(Instant start, Instant end, List<FieldError> errors) {
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The period is not valid", errors);
        }
        return new Period(start, end);
    }
}

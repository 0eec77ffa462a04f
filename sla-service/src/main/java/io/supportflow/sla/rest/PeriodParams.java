package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.runtime.http.QueryPeriod;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.domain.Period;
import jakarta.ws.rs.core.Response;

/** Reads a period given as ISO-8601 instants; bad input is a 400 naming the field (never repeating it). */
public final class PeriodParams {

    private PeriodParams() {
    }

    /** A query's period, by the rule every service keeps (shared-runtime's QueryPeriod: by default the last 30 days). */
    public static Period parse(String from, String to, Instant now) {
        QueryPeriod period = QueryPeriod.of(from, to, now);
        return new Period(period.from(), period.to());
    }

    /** The period of a simulation's body, or a 400 listing {@code errors} found so far and any of its own. */
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

package io.supportflow.sla.rest;

import java.util.List;
import java.util.regex.Pattern;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** Schedule and rotation ids: short, lower-case, safe in a URL, a log line and a Kafka key. */
final class CalendarIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    private CalendarIds() {
    }

    /** Whether {@code id} could name a schedule or rotation: one that cannot is simply not found. */
    static boolean possible(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code id} for a new version, or a 400 naming it (without repeating it). */
    static String checked(String id) {
        if (!possible(id)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The id is not valid",
                    List.of(new FieldError("id", "must be 1 to 64 characters of a-z, 0-9 and -")));
        }
        return id;
    }
}

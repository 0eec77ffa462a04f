package io.supportflow.sla.console;

import java.util.List;
import java.util.regex.Pattern;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * Ticket ids as the console's API takes them: the UUIDs intake gives tickets. A lookup takes at most
 * {@link #MAX_LOOKUP} of them, which keeps its URL well inside the 4 KB request line the HTTP server accepts.
 */
final class TicketIds {

    static final int MAX_LOOKUP = 50;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TicketIds() {
    }

    static boolean isTicketId(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** 1 to {@link #MAX_LOOKUP} ticket ids given as {@code parameter}, or a 400 naming it (never repeating them). */
    static List<String> lookup(String parameter, List<String> values) {
        if (values == null || values.isEmpty() || values.size() > MAX_LOOKUP
                || !values.stream().allMatch(TicketIds::isTicketId)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The ticket ids are not valid",
                    List.of(new FieldError(parameter, "must be 1 to " + MAX_LOOKUP + " ticket ids (UUIDs)")));
        }
        return values.stream().distinct().toList();
    }
}

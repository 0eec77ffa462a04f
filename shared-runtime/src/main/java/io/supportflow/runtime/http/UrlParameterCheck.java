package io.supportflow.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * No id, filter or period an API takes holds a control character, and PostgreSQL refuses a NUL
 * outright (a 500, had it got that far): a path or query parameter with one is a 400 naming it.
 * Pages for browsers, outside /api/, answer a bad link their own way.
 */
public class UrlParameterCheck {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        if (!uri.getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        List<FieldError> errors = new ArrayList<>();
        collect(uri.getPathParameters(), errors);
        collect(uri.getQueryParameters(), errors);
        return errors.isEmpty() ? Optional.empty()
                : Optional.of(Problem.response(Response.Status.BAD_REQUEST, "A URL parameter is not valid", errors));
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            if (values.stream().anyMatch(value -> CONTROL.matcher(value).find())) {
                // A name no endpoint declares is not repeated back as it came.
                errors.add(new FieldError(PLAIN_NAME.matcher(name).matches() ? name : "query",
                        "must not contain control characters"));
            }
        });
    }
}

package io.supportflow.runtime.http;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before
 * any of it is read. It runs ahead of Quarkus' own check of that limit, which answers without a
 * body and still guards bodies sent without a Content-Length.
 */
@ApplicationScoped
public class RequestSizeLimit {

    // Quarkus' own limit handler is installed at order -2.
    private static final int BEFORE_QUARKUS_LIMIT = -3;
    private static final Response.Status TOO_LARGE = Response.Status.REQUEST_ENTITY_TOO_LARGE;

    private final long maxBytes;
    private final String problem;

    RequestSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
                     ObjectMapper json) throws JsonProcessingException {
        this.maxBytes = limit.asLongValue();
        String detail = "The request body is larger than " + maxBytes + " bytes";
        this.problem = json.writeValueAsString(new Problem("about:blank", TOO_LARGE.getReasonPhrase(), TOO_LARGE.getStatusCode(), detail,
                List.of(new FieldError("body", "must be at most " + maxBytes + " bytes"))));
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            context.response()
                    .setStatusCode(TOO_LARGE.getStatusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem);
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // a malformed header is the HTTP layer's to refuse
        }
    }
}

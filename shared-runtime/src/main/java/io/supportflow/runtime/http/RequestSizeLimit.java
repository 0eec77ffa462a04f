package io.supportflow.runtime.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body larger than its path allows with a 413 problem before any of it is read. Every path allows
 * {@code supportflow.http.max-body-size} (by default Quarkus' {@code quarkus.http.limits.max-body-size}); the paths
 * of {@code supportflow.http.large-body-paths} (bulk imports) allow Quarkus' limit, which is then set higher.
 * The check of the Content-Length runs ahead of Quarkus' own; for a body sent without one, the path's limit is
 * handed to Quarkus, which counts the bytes as they are read and answers 413 without a body.
 */
@ApplicationScoped
public class RequestSizeLimit {

    // Quarkus' own limit handler is installed at order -2 and sets the limit the body readers keep to.
    private static final int BEFORE_QUARKUS_LIMIT = -3;
    private static final int AFTER_QUARKUS_LIMIT = -1;
    private static final Response.Status TOO_LARGE = Response.Status.REQUEST_ENTITY_TOO_LARGE;

    private final long largeBytes;
    private final long maxBytes;
    private final Set<String> largeBodyPaths;
    private final ObjectMapper json;

    RequestSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize quarkusLimit,
                     @ConfigProperty(name = "supportflow.http.max-body-size") Optional<MemorySize> ownLimit,
                     @ConfigProperty(name = "supportflow.http.large-body-paths") Optional<Set<String>> largeBodyPaths,
                     ObjectMapper json) {
        this.largeBytes = quarkusLimit.asLongValue();
        this.maxBytes = Math.min(largeBytes, ownLimit.map(MemorySize::asLongValue).orElse(largeBytes));
        this.largeBodyPaths = largeBodyPaths.orElse(Set.of());
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::check);
        if (maxBytes < largeBytes) {
            router.route().order(AFTER_QUARKUS_LIMIT).handler(this::narrowUnlessLarge);
        }
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitOf(context);
        if (length != null && isOver(length, limit)) {
            context.response()
                    .setStatusCode(TOO_LARGE.getStatusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem(limit));
            return;
        }
        context.next();
    }

    private void narrowUnlessLarge(RoutingContext context) {
        context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitOf(context));
        context.next();
    }

    private long limitOf(RoutingContext context) {
        return largeBodyPaths.contains(context.normalizedPath()) ? largeBytes : maxBytes;
    }

    private String problem(long limit) {
        String detail = "The request body is larger than " + limit + " bytes";
        try {
            return json.writeValueAsString(new Problem("about:blank", TOO_LARGE.getReasonPhrase(), TOO_LARGE.getStatusCode(),
                    detail, List.of(new FieldError("body", "must be at most " + limit + " bytes"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is plain data", e);
        }
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // a malformed header is the HTTP layer's to refuse
        }
    }
}

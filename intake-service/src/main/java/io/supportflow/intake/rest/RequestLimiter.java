package io.supportflow.intake.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.supportflow.events.Channel;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.RequestLimits;
import io.supportflow.runtime.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Ends a request with 429 and Retry-After when its API key has used up its allowance. */
@ApplicationScoped
public class RequestLimiter {

    private final RequestLimits limits;

    RequestLimiter(IntakeConfig config, Clock clock) {
        IntakeConfig.RequestLimits settings = config.requestLimits();
        Map<Channel, RequestLimits.Limit> perKey = settings.keys().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> limit(e.getValue())));
        this.limits = new RequestLimits(limit(settings.defaultLimit()), perKey, clock);
    }

    private static RequestLimits.Limit limit(IntakeConfig.Limit limit) {
        return new RequestLimits.Limit(limit.perSecond(), limit.burst());
    }

    /** Lets the request of {@code channel}'s key go ahead, or answers 429. */
    public void admit(Channel channel) {
        limits.admit(channel).ifPresent(wait -> {
            throw tooManyRequests(channel, wait);
        });
    }

    private static WebApplicationException tooManyRequests(Channel channel, Duration wait) {
        long retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Response problem = Problem.response(Response.Status.TOO_MANY_REQUESTS,
                "The " + channel + " API key has made too many requests; retry in " + retryAfterSeconds + " s");
        return new WebApplicationException(Response.fromResponse(problem)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build());
    }
}

package io.supportflow.intake.rest;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportflow.events.Channel;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Authenticates channel adapters: each API key is bound to one channel. */
@ApplicationScoped
public class ApiKeys {

    private final IntakeConfig config;

    ApiKeys(IntakeConfig config) {
        this.config = config;
    }

    /** The channel of {@code apiKey}; a missing or unknown key ends the request with 401. */
    public Channel channelOf(String apiKey) {
        return find(apiKey).orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED,
                "A valid X-Api-Key header is required"));
    }

    /**
     * A key posts for its own channel only: claiming another one (a chat key posting as phone) is
     * refused with 403 naming the field.
     */
    public void requireOwnChannel(Channel keyChannel, String claimedChannel) {
        if (claimedChannel != null && !claimedChannel.equals(keyChannel.name())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "This API key may post for " + keyChannel + " only",
                    List.of(new FieldError("channel", "must be " + keyChannel + ", the channel of this API key")));
        }
    }

    private Optional<Channel> find(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        byte[] presented = apiKey.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<Channel, String> entry : config.apiKeys().entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}

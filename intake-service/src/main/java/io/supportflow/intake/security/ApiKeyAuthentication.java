package io.supportflow.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.supportflow.events.Channel;
import io.supportflow.intake.config.IntakeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Channel adapters authenticate with the X-Api-Key header. Each key is bound to one channel: the identity's
 * principal is the channel's name, its role {@link #ROLE}. Endpoints choose this mechanism by its
 * {@link #SCHEME}.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    public static final String SCHEME = "api-key";
    public static final String ROLE = "channel-adapter";
    public static final String HEADER = "X-Api-Key";

    private final Map<Channel, byte[]> keys;

    ApiKeyAuthentication(IntakeConfig config) {
        this.keys = Map.copyOf(config.apiKeys().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue().getBytes(StandardCharsets.UTF_8))));
    }

    /** The channel whose adapter is calling. */
    public static Channel channelOf(SecurityIdentity identity) {
        return Channel.valueOf(identity.getPrincipal().getName());
    }

    /** No header: no identity (the endpoint answers 401); a key that is not one of the channels' fails. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return channelOwning(presented)
                .map(channel -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(channel.name()))
                        .addRole(ROLE)
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }

    /** Compares in constant time, so that how long a refusal takes tells nothing about a key. */
    private Optional<Channel> channelOwning(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        return keys.entrySet().stream()
                .filter(entry -> MessageDigest.isEqual(bytes, entry.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401));
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(
                new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER, SCHEME));
    }
}

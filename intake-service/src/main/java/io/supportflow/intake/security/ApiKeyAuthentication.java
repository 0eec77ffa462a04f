package io.supportflow.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
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
 * Systems authenticate with the X-Api-Key header; each key is of one kind. A channel adapter's key is bound to its
 * channel: the principal is the channel's name, the role {@link #ROLE}. A billing system's key keeps the account
 * directory: the principal is the key's configured name, the role {@link #BILLING_ROLE}. Endpoints choose this
 * mechanism by its {@link #SCHEME} and a kind by its role.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    public static final String SCHEME = "api-key";
    public static final String ROLE = "channel-adapter";
    public static final String BILLING_ROLE = "billing";
    public static final String HEADER = "X-Api-Key";
    /** RFC 9110 wants a challenge on every 401: this one names the scheme's header, in the product's realm. */
    public static final String CHALLENGE = "ApiKey realm=\"SupportFlow\", header=\"" + HEADER + "\"";

    private final List<KeyHolder> holders = new ArrayList<>();

    ApiKeyAuthentication(IntakeConfig config) {
        config.apiKeys().forEach((channel, key) -> holders.add(new KeyHolder(channel.name(), ROLE, bytes(key))));
        config.billingKeys().forEach((name, key) -> holders.add(new KeyHolder(name, BILLING_ROLE, bytes(key))));
    }

    /** The channel whose adapter is calling; for an identity of role {@link #ROLE}. */
    public static Channel channelOf(SecurityIdentity identity) {
        return Channel.valueOf(identity.getPrincipal().getName());
    }

    /** No header: no identity (the endpoint answers 401); a key that is none of the configured ones fails. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return holderOf(presented)
                .map(holder -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.principal()))
                        .addRole(holder.role())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }

    /** Compares with every key in constant time, so that how long a refusal takes tells nothing about a key. */
    private Optional<KeyHolder> holderOf(String presented) {
        byte[] bytes = bytes(presented);
        KeyHolder match = null;
        for (KeyHolder holder : holders) {
            if (MessageDigest.isEqual(bytes, holder.key()) && match == null) {
                match = holder;
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(
                new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER, SCHEME));
    }

    private record KeyHolder(String principal, String role, byte[] key) {
    }
}

package io.supportflow.runtime.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Missing, wrong and insufficient credentials as problems: Quarkus' own answers to these are empty. At the default
 * priority these win over Quarkus' mappers; an endpoint's own mapper (its own wording) wins over these, and a
 * service-wide one by a higher priority.
 */
public class SecurityProblemMapper {

    /** The challenge every service sends; the realm names the product, so a client can tell whose password it needs. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"SupportFlow\"";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "Credentials are required, or the ones sent were not accepted"))
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "These credentials do not grant this operation");
    }
}

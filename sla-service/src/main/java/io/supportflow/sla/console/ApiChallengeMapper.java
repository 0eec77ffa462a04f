package io.supportflow.sla.console;

import io.quarkus.security.UnauthorizedException;
import io.supportflow.runtime.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * With form login enabled for the console, Quarkus runs Basic in silent mode and would answer an API
 * call without credentials with a redirect to the login page. API clients get what they always got:
 * 401 with a Basic challenge (the console's pages still redirect, their permission picks the form).
 */
@Provider
public class ApiChallengeMapper implements ExceptionMapper<UnauthorizedException> {

    @Override
    public Response toResponse(UnauthorizedException exception) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "Credentials are required: HTTP Basic, or the console's session"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SupportFlow\"")
                .build();
    }
}

package io.supportflow.sla.console;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.SecurityProblemMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * With form login enabled for the console, Quarkus runs Basic in silent mode and would answer an API call without
 * credentials with a redirect to the login page. API clients get what they always got: 401 with a Basic challenge.
 * A script in a browser page (a fetch or the console's EventSource, which browsers mark with a Sec-Fetch-Mode other
 * than "navigate") gets a challenge naming the console's form instead: a Basic one would make the browser hold the
 * call and ask for a password in a dialog, where the console, its session gone, goes to its login page.
 */
public class ApiChallengeMapper {

    static final String FORM = "Form realm=\"SupportFlow\", login=\"/console/login.html\"";

    /**
     * Ahead of shared-runtime's SecurityProblemMapper, which knows only the Basic challenge. Wrong or stale
     * credentials (AuthenticationFailedException, now that authentication waits for the endpoint) get the same.
     */
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.USER - 1)
    public Response unauthorized(HttpHeaders headers) {
        String fetchMode = headers.getHeaderString("Sec-Fetch-Mode");
        boolean fromAScript = fetchMode != null && !"navigate".equalsIgnoreCase(fetchMode);
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "Credentials are required: HTTP Basic, or the console's session"))
                .header(HttpHeaders.WWW_AUTHENTICATE, fromAScript ? FORM : SecurityProblemMapper.BASIC_CHALLENGE)
                .build();
    }
}

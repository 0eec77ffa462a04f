package io.supportflow.sla.console;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Signs out of the console: Quarkus's form login keeps the session in an encrypted cookie, not on the server, so
 * signing out is that cookie expired in the browser ({@link FormAuthenticationMechanism#logout}), then the login
 * page. Only a session reaches this (/console/* takes the form mechanism and the ops role); a POST, so that no
 * link or prefetch signs anybody out, and the cookie's SameSite keeps other sites from posting it.
 */
@Path("/console/logout")
public class ConsoleSignOut {

    static final URI LOGIN_PAGE = URI.create("/console/login.html");

    private final SecurityIdentity identity;

    ConsoleSignOut(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The browser console's, not the API's: not in the OpenAPI description. */
    @POST
    @Operation(hidden = true)
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(LOGIN_PAGE).build();
    }
}

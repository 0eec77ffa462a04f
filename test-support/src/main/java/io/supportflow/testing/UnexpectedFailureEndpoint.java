package io.supportflow.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An endpoint that fails as no endpoint should, in every service's {@code @QuarkusTest} application (this module is
 * indexed): what it answers is what any unexpected failure gets, so the contract can provoke a 500 over HTTP.
 */
@Path(UnexpectedFailureEndpoint.PATH)
public class UnexpectedFailureEndpoint {

    public static final String PATH = "/test-support/unexpected-failure";
    /** What the failure says, which must not reach the answer. */
    public static final String INTERNAL_DETAIL = "connection to jdbc:postgresql://db-7.internal:5432/tickets refused";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
        throw new IllegalStateException(INTERNAL_DETAIL);
    }
}

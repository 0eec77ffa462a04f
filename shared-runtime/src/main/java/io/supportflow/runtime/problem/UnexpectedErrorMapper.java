package io.supportflow.runtime.problem;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * A failure no other mapper knows is a 500 problem that names an incident id, never the exception: the id leads an
 * operator to the logged stack trace, the client learns nothing of the code.
 */
public class UnexpectedErrorMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @ServerExceptionMapper(priority = Priorities.USER + 100)
    public Response unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Request failed unexpectedly (incident %s)", incident);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "The request failed on the server; quote incident " + incident + " to its operators");
    }
}

package io.supportflow.runtime.problem;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

/** A body of a media type the endpoint does not take is a 415 problem naming the Content-Type (Quarkus' own 415 has no body). */
public class MediaTypeProblemMapper {

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "This endpoint does not take a body of this media type",
                List.of(new FieldError("Content-Type", "is not a media type this endpoint takes (see its OpenAPI description)")));
    }
}

package io.supportflow.runtime.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; {@code errors} names each field at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(Response.Status status, String detail) {
        return response(status, detail, List.of());
    }
}

package io.supportflow.runtime.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; {@code errors} names each field at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** RFC 9110's 422, which Jakarta REST's {@link Response.Status} does not name. */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = status(422, "Unprocessable Content");
    /** RFC 6585's 428, which Jakarta REST's {@link Response.Status} does not name. */
    public static final Response.StatusType PRECONDITION_REQUIRED = status(428, "Precondition Required");

    public static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, List.of());
    }

    private static Response.StatusType status(int code, String reasonPhrase) {
        return new Response.StatusType() {

            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reasonPhrase;
            }
        };
    }
}

package io.supportflow.runtime.problem;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A body that is not the JSON an endpoint expects is a 400 problem naming where it went wrong. */
public class JsonProblemMapper {

    /** Declared separately: Quarkus ships a more specific built-in mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** Quarkus wraps JSON it cannot parse in a bare 400: give it a problem body, leave every other answer alone. */
    @ServerExceptionMapper
    public Response unparsableJson(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return unreadableJson(cause);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? pathOf(mismatch)
                : "body";
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this endpoint",
                List.of(new FieldError(field, e.getOriginalMessage())));
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}

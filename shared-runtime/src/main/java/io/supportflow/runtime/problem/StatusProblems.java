package io.supportflow.runtime.problem;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Problem bodies for the answers the framework gives without one (an unknown path or method, an Accept header it cannot serve). */
final class StatusProblems {

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is not one this endpoint takes",
            404, "Nothing is found at this path",
            405, "This path does not take this method (see the Allow header)",
            406, "This endpoint cannot answer in a media type the Accept header takes");

    private StatusProblems() {
    }

    /** The answer itself when it has a body, or is no error; otherwise the same status and headers with a problem. */
    static Response withProblemBody(Response answer) {
        if (answer.hasEntity() || answer.getStatus() < 400) {
            return answer;
        }
        Response.StatusType status = answer.getStatusInfo();
        Response problem = Problem.response(status, DETAILS.getOrDefault(status.getStatusCode(), status.getReasonPhrase()));
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}

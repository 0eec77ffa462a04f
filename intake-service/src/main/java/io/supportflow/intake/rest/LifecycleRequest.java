package io.supportflow.intake.rest;

import java.util.List;

import io.supportflow.runtime.text.TextRules;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** An agent's optional note on a transition. */
public record LifecycleRequest(String note) {

    static final int MAX_NOTE_BYTES = 4096;

    /** The note of {@code request}, if any; one that is not acceptable text ends the request with 400. */
    static String noteOf(LifecycleRequest request) {
        if (request == null || request.note() == null) {
            return null;
        }
        TextRules.textProblem(request.note(), MAX_NOTE_BYTES).ifPresent(problem -> {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The note is invalid",
                    List.of(new FieldError("note", problem)));
        });
        return request.note();
    }
}

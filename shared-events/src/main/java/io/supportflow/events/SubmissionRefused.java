package io.supportflow.events;

import java.time.Instant;
import java.util.List;

/**
 * A submission was refused as the HTTP entrance would have refused it, with the same problem details (RFC 9457's
 * status, title and detail, and each field at fault); nothing of it was published on {@code tickets.received}.
 */
public record SubmissionRefused(String submissionId, Channel channel, String externalRef, int status, String title,
                                String detail, List<FieldFault> errors, Instant at) implements SubmissionResult {

    public SubmissionRefused {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Not about a ticket: none was made. */
    @Override
    public String ticketId() {
        return null;
    }

    /** A field of the submission and what is wrong with it, as a problem's {@code errors} name it. */
    public record FieldFault(String field, String message) {
    }
}

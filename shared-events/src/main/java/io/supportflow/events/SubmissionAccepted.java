package io.supportflow.events;

import java.time.Instant;
import java.util.List;

/**
 * A submission became a ticket (or, retried, found its ticket again), published on {@code tickets.received}
 * before this answer was sent.
 *
 * @param locale  the language the customer is written to in
 * @param notices what the adapter should know, e.g. that the customer's locale fell back to English
 */
public record SubmissionAccepted(String submissionId, Channel channel, String externalRef, String ticketId,
                                 String reference, String locale, List<String> notices, Instant at)
        implements SubmissionResult {

    public SubmissionAccepted {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }
}

package io.supportflow.intake.service;

/** What a submission led to: the ticket, and whether this request created it or repeated an earlier one. */
public record SubmissionOutcome(String ticketId, String reference, String receivedEventId, boolean created) {
}

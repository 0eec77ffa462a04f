package io.supportflow.intake.service;

import java.time.Instant;

import io.opentelemetry.context.Context;
import io.supportflow.intake.domain.TicketSubmission;

/**
 * A validated submission with the moment intake accepted its request: the ticket's {@code receivedAt},
 * however long the submission then waits in the queue before a writer stores it; and the trace of that request,
 * which its TicketReceived continues although a writer thread stores it.
 */
public record ReceivedSubmission(TicketSubmission submission, Instant receivedAt, Context trace) {
}

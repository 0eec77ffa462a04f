package io.supportflow.intake.domain;

import java.time.Instant;

import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;

/**
 * A validated ticket submission. {@code submissionKey} identifies it for idempotency: the
 * Idempotency-Key header or, without one, the adapter's externalRef. {@code submittedAt} is the
 * contact time the adapter reported, null when it did not; its bounds are checked when the ticket
 * is created ({@link ContactTimeBounds}). {@code plan} is the plan the adapter named, null when it named none.
 */
public record TicketSubmission(
        Channel channel,
        String submissionKey,
        String externalRef,
        Plan plan,
        Customer customer,
        String subject,
        String description,
        Category category,
        Impact impact,
        Workaround workaround,
        Instant submittedAt) {
}

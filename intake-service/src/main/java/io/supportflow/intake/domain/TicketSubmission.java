package io.supportflow.intake.domain;

import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;

/**
 * A validated ticket submission. {@code submissionKey} identifies it for idempotency: the
 * Idempotency-Key header or, without one, the adapter's externalRef.
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
        Workaround workaround) {
}

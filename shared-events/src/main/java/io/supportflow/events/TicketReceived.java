package io.supportflow.events;

import java.time.Instant;

/**
 * A proper ticket was accepted from a channel adapter at {@code receivedAt}. {@code submittedAt} is
 * the moment the customer made contact as the adapter reports it (a call's start, a chat's first
 * message), bounded by intake; null when the adapter did not say. The response clock starts at
 * {@link #clockStartsAt()}. {@code plan} is the customer account's; {@code claimedPlan} is the plan the adapter
 * named when it differed (the ticket runs on {@code plan} all the same), null when it agreed or named none.
 */
public record TicketReceived(
        String ticketId,
        String reference,
        Channel channel,
        String externalRef,
        Plan plan,
        Customer customer,
        String subject,
        String description,
        Category category,
        Impact impact,
        Workaround workaround,
        Instant receivedAt,
        Instant submittedAt,
        Plan claimedPlan) implements TicketEvent {

    /** A ticket whose plan nobody disputed (every {@code .v1} record before the account directory). */
    public TicketReceived(String ticketId, String reference, Channel channel, String externalRef, Plan plan,
            Customer customer, String subject, String description, Category category, Impact impact,
            Workaround workaround, Instant receivedAt, Instant submittedAt) {
        this(ticketId, reference, channel, externalRef, plan, customer, subject, description, category, impact,
                workaround, receivedAt, submittedAt, null);
    }

    /** A ticket whose adapter did not report a contact time (every {@code .v1} record before the field). */
    public TicketReceived(String ticketId, String reference, Channel channel, String externalRef, Plan plan,
            Customer customer, String subject, String description, Category category, Impact impact,
            Workaround workaround, Instant receivedAt) {
        this(ticketId, reference, channel, externalRef, plan, customer, subject, description, category, impact,
                workaround, receivedAt, null, null);
    }

    public Instant clockStartsAt() {
        return submittedAt != null ? submittedAt : receivedAt;
    }
}

package io.supportflow.intake.domain;

/**
 * A submission as a channel adapter sends it, before validation: every field is text, so a
 * wrong value can be reported by name instead of failing the whole body. {@code submittedAt}
 * (optional) is the ISO-8601 instant the customer made contact.
 */
public record TicketRequest(
        String channel,
        String externalRef,
        String plan,
        CustomerRequest customer,
        String subject,
        String description,
        String category,
        String impact,
        String workaround,
        String submittedAt) {

    /** The customer part of a submission, unvalidated. */
    public record CustomerRequest(String accountId, String name, String email, String locale) {
    }
}

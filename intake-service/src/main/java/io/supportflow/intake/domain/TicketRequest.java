package io.supportflow.intake.domain;

/**
 * A submission as a channel adapter sends it, before validation: every field is text, so a
 * wrong value can be reported by name instead of failing the whole body.
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
        String workaround) {

    /** The customer part of a submission, unvalidated. */
    public record CustomerRequest(String accountId, String name, String email, String locale) {
    }
}

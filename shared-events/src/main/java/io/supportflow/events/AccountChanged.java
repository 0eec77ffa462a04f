package io.supportflow.events;

import java.time.Instant;

/**
 * A customer account as the billing system last told it, from {@code version} on: the plan that decides its
 * tickets' channels and targets, and facts that shape its notices. Written by intake on the compacted topic
 * {@code accounts}, keyed by the account, so the newest version of each account is what a consumer keeps.
 *
 * @param region     where the account is served (a billing region such as EU or US), null when not said
 * @param locale     the language notices default to, null when not said
 * @param scheduleId the business-hours schedule the account is handled under, null for the default one
 * @param changedBy  who changed it: the name of the billing system's API key (by a PUT or an import)
 */
public record AccountChanged(String accountId, int version, Plan plan, String region, String locale,
                             String scheduleId, String changedBy, Instant at) implements SupportEvent {

    /** Not about a ticket. */
    @Override
    public String ticketId() {
        return null;
    }

    @Override
    public String key() {
        return accountId;
    }
}

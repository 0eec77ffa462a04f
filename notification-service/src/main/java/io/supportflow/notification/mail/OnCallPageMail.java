package io.supportflow.notification.mail;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * What an on-call page shows: the ticket, how and from when it is to be handled, when it is due, and a plain
 * sentence saying what is asked (no link: the page may be read on a phone outside the company network).
 */
public record OnCallPageMail(String reference, String ticketId, Plan plan, Priority priority, String mode,
                             String handleFrom, String dueAt, String description) {

    /** Also the summary a webhook delivery of the same page shows in the audit. */
    public String subject() {
        return "[On-call page] " + reference + " " + priority + " " + plan + ": handle from " + handleFrom;
    }
}

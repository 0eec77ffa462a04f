package io.supportflow.events;

/** Where a page or an escalation goes. */
public enum RecipientKind {
    /** An email address. */
    EMAIL,
    /** The name of a webhook notification-service knows (its URL and signing secret stay in its configuration). */
    WEBHOOK
}

package io.supportflow.notification.domain;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.Recipient;

/**
 * The occasions of pages and escalations, one message per cause and recipient: the same cause delivered again
 * names a message that already exists, so nobody is paged twice for it. Each fits a Message-ID.
 */
public final class Occasions {

    private Occasions() {
    }

    /**
     * A page per scheduling and recipient: the scheduling event redelivered names the same message, while a
     * rescheduling (a priority change publishes a new HandlingScheduled, with a new id) pages again.
     */
    public static String page(String handlingScheduledId, Recipient recipient) {
        return DeterministicIds.nameUuid("on-call-page", handlingScheduledId, recipient.kind().name(),
                recipient.address()).toString();
    }

    /** sla fires each level of a ticket's ladder once, so each level reaches each of its recipients once. */
    public static String escalation(int level, Recipient recipient) {
        return "L" + level + "-"
                + DeterministicIds.nameUuid("escalation", recipient.kind().name(), recipient.address());
    }
}

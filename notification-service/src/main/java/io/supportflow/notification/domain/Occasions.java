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

    /**
     * An escalation per SlaEscalated event and recipient. The event's id, not its level, names the cause: a level's
     * place on a ticket's ladder can change with the priority, while sla derives each level's event id from the level.
     */
    public static String escalation(String slaEscalatedId, Recipient recipient) {
        return DeterministicIds.nameUuid("escalation", slaEscalatedId, recipient.kind().name(), recipient.address())
                .toString();
    }
}

package io.supportflow.runtime.messaging;

import java.time.Instant;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SupportEvent;

/**
 * An event to publish, caused by {@code causeId}: its id is derived from the cause and the role (see
 * {@link Outbox#add}), so a replayed cause yields the same event.
 */
public record Publication(String causeId, String role, Instant time, SupportEvent event) {

    public static Publication causedBy(EventEnvelope cause, String role, Instant time, SupportEvent event) {
        return new Publication(cause.id(), role, time, event);
    }
}

package io.supportflow.runtime.messaging;

import java.util.List;

import io.supportflow.events.EventEnvelope;

/**
 * What a consumer does with the events of one batch that it sees for the first time. It runs inside the
 * batch's transaction; a failure rolls the whole batch back.
 */
@FunctionalInterface
public interface BatchHandler {

    /**
     * @param firstDeliveries the batch's new events, ordered by ticket and, within a ticket, as consumed
     */
    void apply(List<EventEnvelope> firstDeliveries);
}

package io.supportflow.runtime.messaging;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;

/**
 * What a consumer does with the events of one batch that it sees for the first time, inside the batch's
 * transaction (a failure rolls the whole batch back): it reads, and locks, the state of the batch's tickets, then the
 * domain applies each event to its ticket's state and says which events to publish because of it.
 *
 * @param <S> the state a consumer keeps per ticket (its row, and the related rows read under its lock)
 */
public interface BatchHandler<S> {

    /**
     * Whether this handler has any use for {@code event}; one it has none for neither locks nor creates its ticket's
     * state. A channel feeding several handlers gives each event to those it concerns, and an event no handler of
     * the channel concerns is recorded as processed all the same.
     */
    default boolean concerns(EventEnvelope event) {
        return true;
    }

    /**
     * The state of {@code ticketIds}, locked for the batch's transaction where other consumers may change it
     * at the same time (see {@link io.supportflow.runtime.persistence.TicketRows}); a ticket may be absent when
     * the consumer keeps no state for it yet, and is then handed to {@link #apply} as null.
     */
    Map<String, S> stateOf(SortedSet<String> ticketIds);

    /** Applies one event to its ticket's state; the events it causes go to the outbox with the state's change. */
    List<Publication> apply(EventEnvelope event, S ticket);

    /** After the batch's last event, still in its transaction: for work done once per batch. */
    default void completed(Map<String, S> tickets) {
    }
}

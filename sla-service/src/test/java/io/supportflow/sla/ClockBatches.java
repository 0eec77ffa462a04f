package io.supportflow.sla;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supportflow.events.EventEnvelope;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;

/**
 * Applies events of any topic as one batch, as the clock consumers would if one poll could carry them all:
 * no Kafka channel delivers a ticket's receipt, decisions and notification together.
 */
final class ClockBatches {

    /** The consumer the events are recorded as processed by; they are never delivered on its channel. */
    private static final String CHANNEL = "tickets-notifications";

    private ClockBatches() {
    }

    /** Applies the events in one transaction, as a consumer applies a poll. */
    static void applyInOneBatch(EventBatches batches, ClockEventHandler clocks, List<EventEnvelope> events) {
        QuarkusTransaction.requiringNew().run(() -> batches.applyWithin(CHANNEL, events, clocks));
    }
}

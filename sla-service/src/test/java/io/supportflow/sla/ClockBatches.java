package io.supportflow.sla;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supportflow.events.EventEnvelope;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;

/**
 * Applies events of any of the clock consumer's topics as one batch, as a poll of its channel may carry them,
 * without going through Kafka: the test chooses what one poll holds.
 */
final class ClockBatches {

    /** The clock consumer's channel, which the events are recorded as processed by; none is ever published. */
    private static final String CHANNEL = "ticket-events";

    private ClockBatches() {
    }

    /** Applies the events in one transaction, as a consumer applies a poll. */
    static void applyInOneBatch(EventBatches batches, ClockEventHandler clocks, List<EventEnvelope> events) {
        QuarkusTransaction.requiringNew().run(() -> batches.applyWithin(CHANNEL, events, Map.of(), clocks));
    }
}

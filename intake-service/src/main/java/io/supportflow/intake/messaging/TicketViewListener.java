package io.supportflow.intake.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.intake.service.TicketViewUpdates;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds every ticket topic into the ticket view through one channel (one Kafka consumer), a poll per
 * transaction; a record that cannot be read or applied goes alone to its topic's dead-letter topic. The
 * handler runs on a worker pool of its own ({@value #WORKER_POOL}), so the view never takes HTTP's threads.
 */
@ApplicationScoped
public class TicketViewListener {

    static final String WORKER_POOL = "ticket-view";

    private final EventBatches batches;
    private final TicketViewUpdates updates;

    TicketViewListener(EventBatches batches, TicketViewUpdates updates) {
        this.batches = batches;
        this.updates = updates;
    }

    @Incoming(TicketViewUpdates.CHANNEL)
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return batches.consume(TicketViewUpdates.CHANNEL, batch, updates);
    }
}

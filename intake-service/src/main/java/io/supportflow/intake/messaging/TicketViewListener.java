package io.supportflow.intake.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.intake.service.TicketViewUpdates;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds every ticket topic into the ticket view, through one channel (one Kafka consumer) subscribed to
 * all of them. It takes what one poll returned as a batch and applies it in one transaction; a record
 * that cannot be read, or that the view cannot take, goes to the dead-letter topic of the topic it came
 * from, on its own, while the rest of its batch is applied. The handler runs on a worker pool of its own
 * ({@value #WORKER_POOL}), so the view never takes the threads that serve HTTP.
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

    @Incoming("ticket-view")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, TicketViewUpdates.CONSUMER, updates::applyFirstDeliveries);
    }
}

package io.supportflow.notification.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A ticket's receipt says who to tell, and in which language, that it is logged; its first decision (a priority,
 * or a review request with its provisional one) completes the message, and an agent's later decision may change
 * what the customer was told. One Kafka consumer reads both topics, a poll per transaction, since the notifier
 * locks the same ticket rows for either.
 */
@ApplicationScoped
public class TicketEventsListener {

    static final String CHANNEL = "ticket-events";

    private final EventBatches batches;
    private final TicketLoggedNotifier notifier;
    private final SlaPolicyWait slaPolicy;

    TicketEventsListener(EventBatches batches, TicketLoggedNotifier notifier, SlaPolicyWait slaPolicy) {
        this.batches = batches;
        this.notifier = notifier;
        this.slaPolicy = slaPolicy;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        if (!slaPolicy.untilKnown(CHANNEL, batch.getRecords().size())) {
            // Shutting down: neither acknowledged nor refused, the batch is consumed again after the restart.
            return new CompletableFuture<>();
        }
        return batches.consume(CHANNEL, batch, notifier);
    }
}

package io.supportflow.notification.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers who to tell, and in which language, that their ticket is logged. */
@ApplicationScoped
public class TicketReceivedListener {

    static final String CHANNEL = "tickets-received";

    private final EventBatches batches;
    private final TicketLoggedNotifier notifier;
    private final SlaPolicyWait slaPolicy;

    TicketReceivedListener(EventBatches batches, TicketLoggedNotifier notifier, SlaPolicyWait slaPolicy) {
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

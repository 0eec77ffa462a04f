package io.supportflow.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/** A ticket's first priority completes what the "ticket logged" message needs; review requests are not ours. */
@ApplicationScoped
public class PriorityListener {

    private static final String CONSUMER = "notification-service/tickets-priority";

    private final EventBatches batches;
    private final TicketLoggedNotifier notifier;

    PriorityListener(EventBatches batches, TicketLoggedNotifier notifier) {
        this.batches = batches;
        this.notifier = notifier;
    }

    @Incoming("tickets-priority")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, CONSUMER, events -> notifier.prioritised(events.stream()
                .map(EventEnvelope::event)
                .filter(PriorityAssigned.class::isInstance)
                .map(PriorityAssigned.class::cast)
                .toList()));
    }
}

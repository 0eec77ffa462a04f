package io.supportflow.sla.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** An acknowledgement or a resolution stops the ticket's handling clock. */
@ApplicationScoped
public class LifecycleListener {

    static final String CHANNEL = "tickets-lifecycle";

    private final EventBatches batches;
    private final ClockEventHandler clocks;

    LifecycleListener(EventBatches batches, ClockEventHandler clocks) {
        this.batches = batches;
        this.clocks = clocks;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, clocks);
    }
}

package io.supportflow.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.OnCallPager;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/** A ticket to be handled at once: the on-call people and webhooks sla named are paged. */
@ApplicationScoped
public class SlaEventsListener {

    static final String CHANNEL = "sla-events";

    private final EventBatches batches;
    private final OnCallPager pager;

    SlaEventsListener(EventBatches batches, OnCallPager pager) {
        this.batches = batches;
        this.pager = pager;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, pager);
    }
}

package io.supportflow.sla.console;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's own read of tickets.lifecycle and tickets.notifications (consumer group sla-service-console), for
 * the ticket page's timeline: services talk only through Kafka, so the console keeps what it shows rather than ask
 * intake or notification-service. One consumer reads both topics; it records its events as
 * sla-service/console-timeline and sends unreadable records to their topic's dead-letter topic, like every consumer
 * of this service.
 */
@ApplicationScoped
public class ConsoleTimelineListener {

    static final String CHANNEL = "console-timeline";

    private final EventBatches batches;
    private final ConsoleTimelineHandler timeline;

    ConsoleTimelineListener(EventBatches batches, ConsoleTimelineHandler timeline) {
        this.batches = batches;
        this.timeline = timeline;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, timeline);
    }
}

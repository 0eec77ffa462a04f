package io.supportflow.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.SlaBreachAlerter;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/** A missed response target alerts ops by email; an escalation level reaches its recipients by email or webhook. */
@ApplicationScoped
public class SlaBreachListener {

    static final String CHANNEL = "sla-breaches";

    private final EventBatches batches;
    private final SlaBreachAlerter alerter;

    SlaBreachListener(EventBatches batches, SlaBreachAlerter alerter) {
        this.batches = batches;
        this.alerter = alerter;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, alerter);
    }
}

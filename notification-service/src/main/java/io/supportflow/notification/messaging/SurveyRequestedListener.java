package io.supportflow.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.SurveyNotifier;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/** A survey was opened: its link goes to the customer. */
@ApplicationScoped
public class SurveyRequestedListener {

    static final String CHANNEL = "surveys-requested";

    private final EventBatches batches;
    private final SurveyNotifier notifier;

    SurveyRequestedListener(EventBatches batches, SurveyNotifier notifier) {
        this.batches = batches;
        this.notifier = notifier;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, notifier);
    }
}

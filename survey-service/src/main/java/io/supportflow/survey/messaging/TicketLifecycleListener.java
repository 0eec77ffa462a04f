package io.supportflow.survey.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;

/** Every TicketResolved opens a survey; TicketReopened is consumed and ignored. */
@ApplicationScoped
public class TicketLifecycleListener {

    private static final String CHANNEL = "tickets-lifecycle";

    private final EventBatches batches;
    private final SurveyRequests surveys;

    TicketLifecycleListener(EventBatches batches, SurveyRequests surveys) {
        this.batches = batches;
        this.surveys = surveys;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, surveys);
    }
}

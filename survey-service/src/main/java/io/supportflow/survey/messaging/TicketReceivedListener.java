package io.supportflow.survey.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers each ticket's reference, subject and customer for the surveys to come. */
@ApplicationScoped
public class TicketReceivedListener {

    private static final String CHANNEL = "tickets-received";

    private final EventBatches batches;
    private final SurveyRequests surveys;

    TicketReceivedListener(EventBatches batches, SurveyRequests surveys) {
        this.batches = batches;
        this.surveys = surveys;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, surveys);
    }
}

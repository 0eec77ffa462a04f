package io.supportflow.survey.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a survey needs, read by one Kafka consumer from three topics, a poll per transaction: the receipt gives the
 * ticket's reference, subject and customer, the priority decision its priority (for the statistics), and each
 * resolution opens a survey; a reopening is consumed and ignored.
 */
@ApplicationScoped
public class TicketEventsListener {

    static final String CHANNEL = "ticket-events";

    private final EventBatches batches;
    private final SurveyRequests surveys;

    TicketEventsListener(EventBatches batches, SurveyRequests surveys) {
        this.batches = batches;
        this.surveys = surveys;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, surveys);
    }
}

package io.supportflow.survey.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps each ticket's current priority, so statistics can be broken down by it. */
@ApplicationScoped
public class TicketPriorityListener {

    static final String CONSUMER = "survey-service/tickets-priority";

    private final EventBatches batches;
    private final SurveyRequests surveys;

    TicketPriorityListener(EventBatches batches, SurveyRequests surveys) {
        this.batches = batches;
        this.surveys = surveys;
    }

    @Incoming("tickets-priority")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, CONSUMER, events -> surveys.prioritiesAssigned(events.stream()
                .map(EventEnvelope::event)
                .filter(PriorityAssigned.class::isInstance)
                .map(PriorityAssigned.class::cast)
                .toList()));
    }
}

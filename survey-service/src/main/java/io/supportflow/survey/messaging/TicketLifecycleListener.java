package io.supportflow.survey.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.TicketResolved;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.service.SurveyRequests;
import io.supportflow.survey.service.SurveyRequests.Resolution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every TicketResolved opens a survey; a reopened ticket needs nothing until it is solved
 * again, which comes as a new TicketResolved with its own id.
 */
@ApplicationScoped
public class TicketLifecycleListener {

    static final String CONSUMER = "survey-service/tickets-lifecycle";

    private final EventBatches batches;
    private final SurveyRequests surveys;

    TicketLifecycleListener(EventBatches batches, SurveyRequests surveys) {
        this.batches = batches;
        this.surveys = surveys;
    }

    @Incoming("tickets-lifecycle")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, CONSUMER, events -> surveys.ticketsResolved(events.stream()
                .filter(envelope -> envelope.event() instanceof TicketResolved)
                .map(envelope -> new Resolution((TicketResolved) envelope.event(), envelope.id()))
                .toList()));
    }
}

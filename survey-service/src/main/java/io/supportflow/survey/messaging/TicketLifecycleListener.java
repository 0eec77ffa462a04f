package io.supportflow.survey.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketResolved;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every TicketResolved opens a survey; a reopened ticket needs nothing until it is solved
 * again, which comes as a new TicketResolved with its own id.
 */
@ApplicationScoped
public class TicketLifecycleListener {

    static final String CONSUMER = "survey-service/tickets-lifecycle";

    private final ProcessedEvents processedEvents;
    private final SurveyRequests surveys;

    TicketLifecycleListener(ProcessedEvents processedEvents, SurveyRequests surveys) {
        this.processedEvents = processedEvents;
        this.surveys = surveys;
    }

    @RetryTransientFailures
    @Incoming("tickets-lifecycle")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof TicketResolved resolved) {
            surveys.ticketResolved(resolved, envelope.id());
        }
    }
}

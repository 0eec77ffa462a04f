package io.supportflow.survey.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.survey.service.SurveyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Remembers each ticket's reference, subject and customer for the surveys to come. */
@ApplicationScoped
public class TicketReceivedListener {

    static final String CONSUMER = "survey-service/tickets-received";

    private final ProcessedEvents processedEvents;
    private final SurveyRequests surveys;

    TicketReceivedListener(ProcessedEvents processedEvents, SurveyRequests surveys) {
        this.processedEvents = processedEvents;
        this.surveys = surveys;
    }

    @RetryTransientFailures
    @Incoming("tickets-received")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof TicketReceived received) {
            surveys.ticketReceived(received);
        }
    }
}

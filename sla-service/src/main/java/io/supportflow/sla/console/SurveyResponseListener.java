package io.supportflow.sla.console;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the survey answers the console shows next to the SLA figures. Services talk only through
 * Kafka, so sla-service reads {@code surveys.responses} instead of asking survey-service.
 */
@ApplicationScoped
public class SurveyResponseListener {

    /** The consumer name under which answers are recorded as processed (the clocks' listeners use their own). */
    static final String CONSUMER = "sla-service-satisfaction";

    private final ProcessedEvents processedEvents;

    SurveyResponseListener(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @RetryTransientFailures
    @Incoming("surveys-responses")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof SurveyCompleted answer && SatisfactionEntity.findById(answer.surveyId()) == null) {
            SatisfactionEntity.of(answer).persist();
        }
    }
}

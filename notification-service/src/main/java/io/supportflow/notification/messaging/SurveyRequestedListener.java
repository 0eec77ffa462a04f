package io.supportflow.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SurveyRequested;
import io.supportflow.notification.service.SurveyNotifier;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A survey was opened: its link goes to the customer. */
@ApplicationScoped
public class SurveyRequestedListener {

    private static final String CONSUMER = "notification-service/surveys-requested";

    private final ProcessedEvents processedEvents;
    private final SurveyNotifier notifier;

    SurveyRequestedListener(ProcessedEvents processedEvents, SurveyNotifier notifier) {
        this.processedEvents = processedEvents;
        this.notifier = notifier;
    }

    @RetryTransientFailures
    @Incoming("surveys-requested")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        notifier.requested((SurveyRequested) envelope.event());
    }
}

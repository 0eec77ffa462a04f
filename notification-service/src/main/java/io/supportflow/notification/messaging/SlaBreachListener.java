package io.supportflow.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SlaBreached;
import io.supportflow.notification.service.SlaBreachAlerter;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A missed response target: ops are alerted by email. */
@ApplicationScoped
public class SlaBreachListener {

    private static final String CONSUMER = "notification-service/sla-breaches";

    private final ProcessedEvents processedEvents;
    private final SlaBreachAlerter alerter;

    SlaBreachListener(ProcessedEvents processedEvents, SlaBreachAlerter alerter) {
        this.processedEvents = processedEvents;
        this.alerter = alerter;
    }

    @RetryTransientFailures
    @Incoming("sla-breaches")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        alerter.breached((SlaBreached) envelope.event());
    }
}

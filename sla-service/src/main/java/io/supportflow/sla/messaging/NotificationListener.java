package io.supportflow.sla.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The "ticket logged" message stops the clock; failed notifications change nothing (the clock runs on). */
@ApplicationScoped
public class NotificationListener {

    private final ProcessedEvents processedEvents;
    private final SlaClocks clocks;

    NotificationListener(ProcessedEvents processedEvents, SlaClocks clocks) {
        this.processedEvents = processedEvents;
        this.clocks = clocks;
    }

    @RetryTransientFailures
    @Incoming("tickets-notifications")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(Consumers.SLA, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof CustomerNotified notified) {
            clocks.customerNotified(notified);
        }
    }
}

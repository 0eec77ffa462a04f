package io.supportflow.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A ticket's first priority completes what the "ticket logged" message needs; review requests are not ours. */
@ApplicationScoped
public class PriorityListener {

    private static final String CONSUMER = "notification-service/tickets-priority";

    private final ProcessedEvents processedEvents;
    private final TicketLoggedNotifier notifier;

    PriorityListener(ProcessedEvents processedEvents, TicketLoggedNotifier notifier) {
        this.processedEvents = processedEvents;
        this.notifier = notifier;
    }

    @RetryTransientFailures
    @Incoming("tickets-priority")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof PriorityAssigned assigned) {
            notifier.prioritised(assigned);
        }
    }
}

package io.supportflow.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Remembers who to tell, and in which language, that their ticket is logged. */
@ApplicationScoped
public class TicketReceivedListener {

    private static final String CONSUMER = "notification-service/tickets-received";

    private final ProcessedEvents processedEvents;
    private final TicketLoggedNotifier notifier;

    TicketReceivedListener(ProcessedEvents processedEvents, TicketLoggedNotifier notifier) {
        this.processedEvents = processedEvents;
        this.notifier = notifier;
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
        notifier.received((TicketReceived) envelope.event());
    }
}

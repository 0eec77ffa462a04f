package io.supportflow.triage.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.triage.service.TicketTriage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Triage's only input: every received ticket, once. */
@ApplicationScoped
public class TicketReceivedListener {

    static final String CONSUMER = "triage-service/tickets-received";

    private final ProcessedEvents processedEvents;
    private final TicketTriage triage;

    TicketReceivedListener(ProcessedEvents processedEvents, TicketTriage triage) {
        this.processedEvents = processedEvents;
        this.triage = triage;
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
        if (envelope.event() instanceof TicketReceived ticket) {
            triage.triage(ticket, envelope.id());
        }
    }
}

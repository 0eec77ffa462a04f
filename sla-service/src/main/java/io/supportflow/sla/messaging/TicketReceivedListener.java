package io.supportflow.sla.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A ticket's receipt starts its clock. */
@ApplicationScoped
public class TicketReceivedListener {

    private final ProcessedEvents processedEvents;
    private final SlaClocks clocks;

    TicketReceivedListener(ProcessedEvents processedEvents, SlaClocks clocks) {
        this.processedEvents = processedEvents;
        this.clocks = clocks;
    }

    @RetryTransientFailures
    @Incoming("tickets-received")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(Consumers.SLA, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof TicketReceived ticket) {
            clocks.ticketReceived(ticket);
        }
    }
}

package io.supportflow.sla.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.TicketReceived;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockBatch;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;

/** A ticket's receipt starts its clock. */
@ApplicationScoped
public class TicketReceivedListener {

    private final EventBatches batches;
    private final SlaClocks clocks;

    TicketReceivedListener(EventBatches batches, SlaClocks clocks) {
        this.batches = batches;
        this.clocks = clocks;
    }

    @Incoming("tickets-received")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, Consumers.SLA, this::apply);
    }

    private void apply(List<EventEnvelope> events) {
        List<TicketReceived> tickets = events.stream()
                .map(EventEnvelope::event)
                .filter(TicketReceived.class::isInstance)
                .map(TicketReceived.class::cast)
                .toList();
        ClockBatch batch = clocks.forTickets(tickets.stream().map(TicketReceived::ticketId).toList());
        tickets.forEach(batch::ticketReceived);
    }
}

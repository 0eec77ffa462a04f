package io.supportflow.sla.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockBatch;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The "ticket logged" message stops the clock; other messages and failed notifications change nothing
 * (the clock runs on), and open no clock.
 */
@ApplicationScoped
public class NotificationListener {

    private final EventBatches batches;
    private final SlaClocks clocks;

    NotificationListener(EventBatches batches, SlaClocks clocks) {
        this.batches = batches;
        this.clocks = clocks;
    }

    @Incoming("tickets-notifications")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, Consumers.SLA, this::apply);
    }

    private void apply(List<EventEnvelope> events) {
        List<CustomerNotified> logged = events.stream()
                .map(EventEnvelope::event)
                .filter(CustomerNotified.class::isInstance)
                .map(CustomerNotified.class::cast)
                .filter(notified -> notified.kind() == NotificationKind.TICKET_LOGGED)
                .toList();
        ClockBatch batch = clocks.forTickets(logged.stream().map(CustomerNotified::ticketId).toList());
        logged.forEach(notified -> batch.ticketLogged(notified.ticketId(), notified.sentAt()));
    }
}

package io.supportflow.triage.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.triage.service.TicketTriage;
import jakarta.enterprise.context.ApplicationScoped;

/** The tickets to triage: every received ticket, once. */
@ApplicationScoped
public class TicketReceivedListener {

    static final String CHANNEL = "tickets-received";

    private final EventBatches batches;
    private final TicketTriage triage;

    TicketReceivedListener(EventBatches batches, TicketTriage triage) {
        this.batches = batches;
        this.triage = triage;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, triage);
    }
}

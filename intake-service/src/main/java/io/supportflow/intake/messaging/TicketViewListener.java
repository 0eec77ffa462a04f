package io.supportflow.intake.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.intake.service.TicketViewBatches;
import io.supportflow.runtime.messaging.IncomingRecords;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds every ticket topic into the ticket view. One channel per topic, so that each has its own
 * dead-letter topic. Each channel takes what one poll returned as a batch and applies it in one
 * transaction; a record that cannot be read, or that the view cannot take, goes to the dead-letter topic
 * on its own while the rest of its batch is applied. The handlers run on their own worker pool
 * ({@value #WORKER_POOL}), so the view never takes the threads that serve HTTP.
 */
@ApplicationScoped
public class TicketViewListener {

    static final String WORKER_POOL = "ticket-view";

    private final TicketViewBatches batches;

    TicketViewListener(TicketViewBatches batches) {
        this.batches = batches;
    }

    @Incoming("view-tickets-received")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> ticketsReceived(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-tickets-lifecycle")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> ticketsLifecycle(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-tickets-priority")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> ticketsPriority(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-tickets-notifications")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> ticketsNotifications(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-sla-events")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> slaEvents(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-sla-breaches")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> slaBreaches(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-surveys-requested")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> surveysRequested(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("view-surveys-responses")
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> surveysResponses(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    /**
     * Dead letters are sent only after the view's transaction committed, and the batch is acknowledged
     * only after they were: a dead letter's acknowledgement may commit its offset, which must not pass
     * records not yet applied.
     */
    private CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                envelopes.add(IncomingRecords.read(record));
                readable.add(record);
            } catch (UnreadableEventException e) {
                deadLetters.add(new DeadLetter(record, e));
            }
        }
        for (TicketViewBatches.Refused refused : batches.apply(envelopes)) {
            deadLetters.add(new DeadLetter(readable.get(refused.index()), refused.reason()));
        }
        CompletableFuture<?>[] sent = deadLetters.stream()
                .map(dead -> dead.record().nack(dead.reason()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenCompose(allSent -> batch.ack());
    }

    private record DeadLetter(KafkaRecord<String, String> record, Throwable reason) {
    }
}

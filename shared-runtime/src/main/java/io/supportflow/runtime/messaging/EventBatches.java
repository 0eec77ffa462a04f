package io.supportflow.runtime.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Topics;
import io.supportflow.events.UnreadableEventException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes what one poll returned in one transaction: the batch's event ids are recorded in one
 * statement, and only the events seen for the first time reach the handler. Under load a poll carries
 * hundreds of records, so a consumer pays one commit for all of them instead of one each; when traffic
 * is light a batch is a record or two, and nothing waits to fill it.
 * <p>
 * The handler gets the events ordered by ticket (a stable sort, so each ticket's events keep their
 * order): every consumer of a service then locks the rows of several tickets in the same order, and two
 * batches never wait for each other in a circle. A batch that still fails after its retries is applied
 * event by event, each with the retries it would have had on its own, so that only an event the consumer
 * refuses is left out.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    private static final Comparator<EventEnvelope> BY_TICKET = Comparator.comparing(EventEnvelope::key);

    private final ProcessedEvents processedEvents;
    private final TransientFailureRetry retry;

    EventBatches(ProcessedEvents processedEvents, ConsumerRetryConfig config) {
        this.processedEvents = processedEvents;
        this.retry = TransientFailureRetry.configuredBy(config);
    }

    /**
     * Applies a consumed batch as {@code consumer}; a record that cannot be read, or that the handler
     * refuses, goes to the channel's dead-letter topic on its own. Dead letters are sent only after the
     * batch's transaction committed, and the batch is acknowledged only after they were: a dead letter's
     * acknowledgement may commit its offset, which must not pass records not yet applied.
     */
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, String consumer, BatchHandler handler) {
        return consume(batch, ConsumerName.of(consumer), handler);
    }

    /** The same for a channel reading several topics, its processed ids recorded under a name per topic. */
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, ConsumerName consumer,
                                         BatchHandler handler) {
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
        for (Refused refused : apply(consumer, envelopes, handler)) {
            deadLetters.add(new DeadLetter(readable.get(refused.index()), refused.reason()));
        }
        CompletableFuture<?>[] sent = deadLetters.stream()
                .map(DeadLetter::send)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenCompose(allSent -> batch.ack());
    }

    /** Applies {@code envelopes} as {@code consumer} and returns those refused, by their position in the list. */
    public List<Refused> apply(String consumer, List<EventEnvelope> envelopes, BatchHandler handler) {
        return apply(ConsumerName.of(consumer), envelopes, handler);
    }

    private List<Refused> apply(ConsumerName consumer, List<EventEnvelope> envelopes, BatchHandler handler) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        try {
            applyWithRetries(consumer, envelopes, handler);
            return List.of();
        } catch (Exception batchFailed) {
            failIfShuttingDown(batchFailed);
            LOG.warnf("A batch of %d events for %s failed as a whole, applying them one by one: %s",
                    envelopes.size(), consumer.ofTopic(envelopes.get(0).topic()), batchFailed.toString());
        }
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                applyWithRetries(consumer, List.of(envelopes.get(i)), handler);
            } catch (Exception e) {
                failIfShuttingDown(e);
                refused.add(new Refused(i, rootCause(e)));
            }
        }
        return refused;
    }

    private void applyWithRetries(ConsumerName consumer, List<EventEnvelope> envelopes, BatchHandler handler)
            throws Exception {
        retry.call(() -> {
            QuarkusTransaction.requiringNew().run(() -> handler.apply(firstDeliveries(consumer, envelopes)));
            return null;
        }, TransientFailureRetry.Pause.SLEEP, (attempt, backoff, failure) -> LOG.warnf(
                "%d events for %s failed (attempt %d), retrying in %d ms: %s", envelopes.size(),
                consumer.ofTopic(envelopes.get(0).topic()), attempt,
                backoff.toMillis(), failure.toString()));
    }

    private List<EventEnvelope> firstDeliveries(ConsumerName consumer, List<EventEnvelope> envelopes) {
        Map<String, List<String>> idsByConsumer = envelopes.stream().collect(Collectors.groupingBy(
                envelope -> consumer.ofTopic(envelope.topic()), Collectors.mapping(EventEnvelope::id, Collectors.toList())));
        Set<String> firstSeen = new HashSet<>();
        idsByConsumer.forEach((name, ids) -> firstSeen.addAll(processedEvents.firstDeliveries(name, ids)));
        List<EventEnvelope> fresh = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            if (firstSeen.remove(envelope.id())) {
                fresh.add(envelope);
            }
        }
        fresh.sort(BY_TICKET);
        return fresh;
    }

    /** An interrupted retry means shutdown: nothing is given up, the batch is consumed again later. */
    private static void failIfShuttingDown(Exception failure) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while applying a batch of events", failure);
        }
    }

    /** What refused the event (the database's message, say), not its wrappers. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The event at {@code index} of a batch, and why the consumer refused it. */
    public record Refused(int index, Throwable reason) {
    }

    /**
     * A record for {@code <topic>.dlq} of the topic it came from, whichever topic of its channel that was:
     * the channel's failure strategy sends it, with the reason in its headers.
     */
    private record DeadLetter(KafkaRecord<String, String> record, Throwable reason) {

        CompletableFuture<Void> send() {
            Metadata destination = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                    .withTopic(Topics.deadLetter(record.getTopic())).build());
            return record.nack(reason, destination).toCompletableFuture();
        }
    }
}

package io.supportflow.runtime.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
 * refuses is left out. A batch that fails because the database cannot be reached is never taken apart
 * and never dead-lettered: it is tried again until the database answers.
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
        List<Refused> refusals;
        try {
            refusals = apply(consumer, envelopes, handler);
        } catch (ShuttingDown stopped) {
            // Neither acknowledged nor refused: the batch's offsets stay uncommitted and it is read again
            // after the restart. A refusal would send every record of it to the dead-letter topic.
            LOG.infof("Shutting down while %s", stopped.getMessage());
            return new CompletableFuture<>();
        }
        for (Refused refused : refusals) {
            deadLetters.add(new DeadLetter(readable.get(refused.index()), refused.reason()));
        }
        CompletableFuture<?>[] sent = deadLetters.stream()
                .map(DeadLetter::send)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenCompose(allSent -> batch.ack());
    }

    /** Applies {@code envelopes} as {@code consumer} and returns those refused, by their position in the list. */
    public List<Refused> apply(String consumer, List<EventEnvelope> envelopes, BatchHandler handler) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        try {
            applyWithRetries(consumer, envelopes, handler);
            return List.of();
        } catch (Exception batchFailed) {
            failIfShuttingDown(batchFailed);
            LOG.warnf("A batch of %d events for %s failed as a whole, applying them one by one: %s",
                    envelopes.size(), consumer, batchFailed.toString());
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

    /**
     * While the database cannot be reached every event fails alike, and the first one given up would be
     * dead-lettered although nothing is wrong with it; so the events are retried for as long as that
     * lasts, with an error logged each time the budget runs out. Past the connector's unprocessed-record
     * max age the channel is reported stuck (the health check goes down); no offset passes these events.
     */
    private void applyWithRetries(String consumer, List<EventEnvelope> envelopes, BatchHandler handler)
            throws Exception {
        retry.callUntilTheDatabaseAnswers(() -> {
            QuarkusTransaction.requiringNew().run(() -> handler.apply(firstDeliveries(consumer, envelopes)));
            return null;
        }, TransientFailureRetry.Pause.SLEEP, (attempt, backoff, failure) -> LOG.warnf(
                "%d events for %s failed (attempt %d), retrying in %d ms: %s", envelopes.size(), consumer, attempt,
                backoff.toMillis(), failure.toString()), stillAway -> LOG.errorf(
                "The database stayed unreachable for the whole retry budget; %d events for %s are tried again, "
                        + "none is dead-lettered: %s", envelopes.size(), consumer, stillAway.toString()));
    }

    private List<EventEnvelope> firstDeliveries(String consumer, List<EventEnvelope> envelopes) {
        Set<String> firstSeen = new HashSet<>(processedEvents.firstDeliveries(consumer,
                envelopes.stream().map(EventEnvelope::id).toList()));
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
            throw new ShuttingDown("applying a batch of events", failure);
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

    /** Thrown out of {@link #apply} when a shutdown interrupted it: none of its events is given up. */
    private static final class ShuttingDown extends IllegalStateException {

        ShuttingDown(String during, Throwable cause) {
            super(during, cause);
        }
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

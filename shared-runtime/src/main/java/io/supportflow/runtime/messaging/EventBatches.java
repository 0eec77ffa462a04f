package io.supportflow.runtime.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.tracing.ConsumerSpans;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Consumes what one poll returned in one transaction: the batch's event ids are recorded in one statement,
 * the handler locks the state of the batch's tickets, and each event seen for the first time is applied to
 * its ticket's state, in ticket order (each ticket's events in the order consumed); the events it causes go
 * to the outbox. A batch that still fails after its retries is applied event by event, so that only an event
 * the handler refuses is dead-lettered; one that fails because the database cannot be reached is tried again
 * until the database answers. A consumer is recorded in processed_event as {@code <service>/<channel>}.
 * <p>
 * One channel may feed several handlers (one Kafka consumer for the topics of several handlers, issue 21): each
 * handler is given the batch's events it {@linkplain BatchHandler#concerns concerns}, in the one transaction.
 * <p>
 * Each event is applied in a span of the trace its record's {@code traceparent} carried, so a ticket's trace goes on
 * through every service that handles it, and what it causes goes on in the same trace.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    private static final Comparator<EventEnvelope> BY_TICKET = Comparator.comparing(EventEnvelope::key);
    /** The log context's name for the ticket (the record key) an event is about. */
    private static final String TICKET_ID = "ticketId";

    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final TransientFailureRetry retry;
    private final ConsumerSpans spans;
    private final String service;

    EventBatches(ProcessedEvents processedEvents, Outbox outbox, ConsumerRetryConfig config, ConsumerSpans spans,
                 @ConfigProperty(name = "quarkus.application.name") String service) {
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.spans = spans;
        this.retry = TransientFailureRetry.configuredBy(config);
        this.service = service;
    }

    /** The name under which the consumer of {@code channel} records the events it processed. */
    public String consumerName(String channel) {
        return service + "/" + channel;
    }

    /**
     * Applies a batch consumed from {@code channel} to its handlers; a record that cannot be read, or that a
     * handler refuses, goes to its topic's dead-letter topic on its own. Dead letters are sent only after the
     * batch's transaction committed, and the batch is acknowledged only after they were: a dead letter's
     * acknowledgement may commit its offset, which must not pass records not yet applied.
     */
    public CompletionStage<Void> consume(String channel, KafkaRecordBatch<String, String> batch,
                                         BatchHandler<?>... handlers) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        Map<String, Context> traces = new HashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventEnvelope envelope = IncomingRecords.read(record);
                envelopes.add(envelope);
                readable.add(record);
                traces.put(envelope.id(), TraceContexts.of(record.getHeaders()));
            } catch (UnreadableEventException e) {
                deadLetters.add(new DeadLetter(record, e));
            }
        }
        List<Refused> refusals;
        try {
            refusals = apply(channel, envelopes, traces, handlers);
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

    /**
     * Applies {@code envelopes} as the consumer of {@code channel} (an event of a service's own making too, as
     * its consumer will see it again), each to the handlers it concerns, and returns those refused, by their
     * position in the list.
     */
    public List<Refused> apply(String channel, List<EventEnvelope> envelopes, BatchHandler<?>... handlers) {
        return apply(channel, envelopes, Map.of(), handlers);
    }

    /** @param traces the context each event's record carried, by event id (a trace continues from there) */
    private List<Refused> apply(String channel, List<EventEnvelope> envelopes, Map<String, Context> traces,
                                BatchHandler<?>[] handlers) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        String consumer = consumerName(channel);
        try {
            applyWithRetries(consumer, envelopes, traces, handlers);
            return List.of();
        } catch (Exception batchFailed) {
            failIfShuttingDown(batchFailed);
            LOG.warnf("A batch of %d events for %s failed as a whole, applying them one by one: %s",
                    envelopes.size(), consumer, batchFailed.toString());
        }
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                applyWithRetries(consumer, List.of(envelopes.get(i)), traces, handlers);
            } catch (Exception e) {
                failIfShuttingDown(e);
                refused.add(new Refused(i, rootCause(e)));
            }
        }
        return refused;
    }

    /**
     * Applies events of the service's own making as the consumer of {@code channel} will see them again, each
     * at most once, in the caller's transaction.
     *
     * @param traces the trace each event belongs to, by event id, where it is not the current one (work queued
     *               from requests and done on another thread)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <S> void applyWithin(String channel, List<EventEnvelope> envelopes, Map<String, Context> traces,
                                BatchHandler<S> handler) {
        applyFirstDeliveries(firstDeliveries(consumerName(channel), envelopes), traces, handler);
    }

    /**
     * While the database cannot be reached every event fails alike, and the first one given up would be
     * dead-lettered although nothing is wrong with it; so the events are retried for as long as that
     * lasts, with an error logged each time the budget runs out. Past the connector's unprocessed-record
     * max age the channel is reported stuck (the health check goes down); no offset passes these events.
     */
    private void applyWithRetries(String consumer, List<EventEnvelope> envelopes, Map<String, Context> traces,
                                  BatchHandler<?>[] handlers) throws Exception {
        retry.callUntilTheDatabaseAnswers(() -> {
            QuarkusTransaction.requiringNew().run(() -> {
                List<EventEnvelope> firstDeliveries = firstDeliveries(consumer, envelopes);
                for (BatchHandler<?> handler : handlers) {
                    applyFirstDeliveries(firstDeliveries, traces, handler);
                }
            });
            return null;
        }, TransientFailureRetry.Pause.SLEEP, (attempt, backoff, failure) -> LOG.warnf(
                "%d events for %s failed (attempt %d), retrying in %d ms: %s", envelopes.size(), consumer, attempt,
                backoff.toMillis(), failure.toString()), stillAway -> LOG.errorf(
                "The database stayed unreachable for the whole retry budget; %d events for %s are tried again, "
                        + "none is dead-lettered: %s", envelopes.size(), consumer, stillAway.toString()));
    }

    private <S> void applyFirstDeliveries(List<EventEnvelope> firstDeliveries, Map<String, Context> traces,
                                          BatchHandler<S> handler) {
        List<EventEnvelope> fresh = firstDeliveries.stream().filter(handler::concerns).toList();
        if (fresh.isEmpty()) {
            return;
        }
        SortedSet<String> ticketIds = new TreeSet<>();
        fresh.forEach(envelope -> ticketIds.add(envelope.key()));
        Map<String, S> tickets = handler.stateOf(ticketIds);
        for (EventEnvelope envelope : fresh) {
            Span span = spans.start(envelope.topic(), envelope.id(), envelope.key(),
                    traces.getOrDefault(envelope.id(), Context.current()));
            try (Scope continued = span.makeCurrent()) {
                MDC.put(TICKET_ID, envelope.key());
                LOG.debugf("Applying %s %s", envelope.type().ceType(), envelope.id());
                for (Publication publication : handler.apply(envelope, tickets.get(envelope.key()))) {
                    outbox.add(publication.causeId(), publication.role(), publication.time(), publication.event());
                }
            } catch (RuntimeException refused) {
                span.recordException(refused).setStatus(StatusCode.ERROR);
                throw refused;
            } finally {
                MDC.remove(TICKET_ID);
                span.end();
            }
        }
        handler.completed(tickets);
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

    /** A record of the batch to set aside, and why. */
    private record DeadLetter(KafkaRecord<String, String> record, Throwable reason) {

        CompletableFuture<Void> send() {
            return DeadLetters.send(record, reason);
        }
    }
}

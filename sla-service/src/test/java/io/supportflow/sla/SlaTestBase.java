package io.supportflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agroal.api.AgroalDataSource;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Topics;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import jakarta.inject.Inject;

/** Publishes events as the other services would and reads what sla-service publishes. */
@ExtendWith(TopicClients.class)
abstract class SlaTestBase {

    /** Hours are moved on the test clock; only the scanner's reaction needs real time. */
    static final Duration SOON = Duration.ofSeconds(10);

    /**
     * Each test starts its tickets in a stretch of time of its own, later than every earlier test's
     * and than real time: a scanner round that read the clock just before a test moved it can then
     * only be early for the new test's clocks, never past their due times.
     */
    private static final Duration STRETCH = Duration.ofDays(30);
    private static final AtomicReference<Instant> NEXT_START = new AtomicReference<>(Instant.parse("2031-03-03T08:00:00Z"));

    @Inject
    AgroalDataSource dataSource;

    @TopicClients.Reads({Topics.SLA_EVENTS, Topics.SLA_BREACHES})
    TopicReader sla;
    TopicWriter writer;
    Instant start;

    @BeforeEach
    void startClock() {
        start = NEXT_START.getAndUpdate(previous -> previous.plus(STRETCH));
        TestClock.CLOCK.set(start);
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    void publish(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            writer.publish(envelope);
        }
    }

    /** Publishes and waits until sla-service has applied the event. */
    void publishAndAwait(EventEnvelope envelope) {
        writer.publish(envelope);
        awaitProcessed(envelope.id());
    }

    void awaitProcessed(String eventId) {
        Awaitility.await("event " + eventId + " processed").atMost(SOON)
                .until(() -> appliedToClocks(List.of(eventId)) == 1);
    }

    /** Waits until sla-service has applied every one of the events. */
    void awaitProcessed(Collection<EventEnvelope> envelopes) {
        List<String> ids = envelopes.stream().map(EventEnvelope::id).toList();
        Awaitility.await(ids.size() + " events processed").atMost(SOON)
                .until(() -> appliedToClocks(ids) == ids.size());
    }

    /**
     * How many of the events the clocks' consumers have applied: the console's read model records the same events
     * under consumers of its own, and its having seen one says nothing about the clocks.
     */
    private long appliedToClocks(List<String> eventIds) {
        return StoredRows.countAmong(dataSource, """
                SELECT count(DISTINCT event_id) FROM processed_event
                WHERE event_id = ANY (?) AND consumer NOT LIKE 'sla-service/console-%'""", eventIds);
    }

    /** Keeps later tests' stretches after {@code until}, for a test that moves the clock beyond its own stretch. */
    static void reserveTimeUntil(Instant until) {
        NEXT_START.accumulateAndGet(until.plus(STRETCH), (next, after) -> next.isAfter(after) ? next : after);
    }

    void setClock(Instant now) {
        TestClock.CLOCK.set(now);
    }
}

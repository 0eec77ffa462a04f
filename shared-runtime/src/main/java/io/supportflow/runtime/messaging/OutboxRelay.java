package io.supportflow.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.runtime.concurrent.WorkerThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox events at least once, in outbox order, with their deterministic ids, and
 * marks them sent only after the broker acknowledged them (acks=all, idempotent producer).
 * A PostgreSQL advisory lock lets one instance of a service relay at a time, which keeps the
 * order of each ticket's events when several instances run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5F0F_0B0Cl;
    private static final String SELECT_UNSENT = """
            SELECT seq, event_id, event_type, topic, record_key, source, event_time, payload
            FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT ?""";
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    /** A caller may ask just after the event went out; this many of the last ids published are remembered. */
    private static final int RECENTLY_PUBLISHED_KEPT = 20_000;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxProducerFactory producers;
    private final Semaphore wakeups = new Semaphore(0);
    private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
    private final RecentIds recentlyPublished = new RecentIds(RECENTLY_PUBLISHED_KEPT);
    private volatile boolean running;
    private volatile WorkerThreads worker = WorkerThreads.none();
    private KafkaProducer<String, String> producer;
    private Instant nextCleanup = Instant.EPOCH;
    private Instant nextWaiterCheck = Instant.EPOCH;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, OutboxProducerFactory producers) {
        this.dataSource = dataSource;
        this.config = config;
        this.producers = producers;
    }

    void start(@Observes StartupEvent startup) {
        producer = producers.create();
        running = true;
        worker = WorkerThreads.start("outbox-relay", 1, this::relayUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake();
        worker.awaitEnd(config.sendTimeout());
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new events now instead of at its next poll. */
    public void wake() {
        wakeups.release();
    }

    /**
     * Completes with true once the broker has acknowledged the event, with false when {@code timeout}
     * passed first. The event must be committed to the outbox already: an id the outbox no longer holds
     * counts as published, because only published events are removed.
     */
    public CompletionStage<Boolean> whenPublished(String eventId, Duration timeout) {
        CompletableFuture<Void> published = waiters.computeIfAbsent(eventId, id -> new CompletableFuture<>());
        if (recentlyPublished.contains(eventId)) {
            published.complete(null);
        }
        wake();
        return published.thenApply(done -> true)
                .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, failure) -> waiters.remove(eventId, published));
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int published = publishRound();
                completeWaitersPublishedElsewhere();
                cleanUpNowAndThen();
                if (published < config.batchSize()) {
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox relay round failed, retrying in 1 s: %s", e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    int publishRound() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryRelayLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<String> sent = sendUnsent(connection);
                markSent(connection, sent);
                connection.commit();
                sent.forEach(this::published);
                return sent.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<String> sendUnsent(Connection connection) throws Exception {
        List<String> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNSENT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString("event_id"));
                    acks.add(producer.send(toRecord(rows)));
                }
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        }
        return ids;
    }

    private static ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        String key = row.getString("record_key");
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), key, row.getString("payload"));
        addHeader(record, CloudEventHeaders.ID, row.getString("event_id"));
        addHeader(record, CloudEventHeaders.TYPE, row.getString("event_type"));
        addHeader(record, CloudEventHeaders.SOURCE, row.getString("source"));
        addHeader(record, CloudEventHeaders.TIME, row.getTimestamp("event_time").toInstant().toString());
        addHeader(record, CloudEventHeaders.SUBJECT, key);
        addHeader(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        addHeader(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void addHeader(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void markSent(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now() WHERE event_id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void published(String eventId) {
        recentlyPublished.add(eventId);
        CompletableFuture<Void> waiter = waiters.get(eventId);
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    /**
     * Another instance may hold the relay lock and publish the events this one's callers wait for: now
     * and then, look them up in the outbox.
     */
    private void completeWaitersPublishedElsewhere() throws SQLException {
        Instant now = Instant.now();
        if (waiters.isEmpty() || now.isBefore(nextWaiterCheck)) {
            return;
        }
        nextWaiterCheck = now.plus(config.pollInterval().multipliedBy(4));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id FROM unnest(?::varchar[]) AS id
                     WHERE NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.event_id = id AND o.sent_at IS NULL)""")) {
            select.setArray(1, connection.createArrayOf("varchar", waiters.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    published(rows.getString(1));
                }
            }
        }
    }

    private void cleanUpNowAndThen() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM outbox_event WHERE sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            delete.executeUpdate();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.supportflow.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox events at least once, in outbox order, with their deterministic ids, and marks them
 * sent only after the broker acknowledged them (acks=all, idempotent producer); then fires
 * {@link OutboxPublished}. A PostgreSQL advisory lock lets one instance of a service relay at a time,
 * which keeps the order of each ticket's events when several instances run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x5F0F_0B0Cl;
    private static final String SELECT_UNSENT = """
            SELECT seq, event_id, event_type, topic, record_key, source, event_time, payload, traceparent
            FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT ?""";
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxProducerFactory producers;
    private final Event<OutboxPublished> published;
    private volatile BackgroundLoop loop = BackgroundLoop.disabled("outbox-relay");
    private KafkaProducer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, OutboxProducerFactory producers,
                Event<OutboxPublished> published) {
        this.dataSource = dataSource;
        this.config = config;
        this.producers = producers;
        this.published = published;
    }

    void start(@Observes StartupEvent startup) {
        producer = producers.create();
        loop = BackgroundLoop.start(new BackgroundLoop.Settings("outbox-relay", 1, config.pollInterval(),
                PAUSE_AFTER_FAILURE, config.sendTimeout()), this::publishRound);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new events now instead of at its next poll. */
    public void wake() {
        loop.wake();
    }

    BackgroundLoop.Outcome publishRound() throws Exception {
        List<String> sent;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryRelayLock(connection)) {
                    connection.rollback();
                    return BackgroundLoop.Outcome.IDLE;
                }
                sent = sendUnsent(connection);
                markSent(connection, sent);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
        if (!sent.isEmpty()) {
            published.fire(new OutboxPublished(List.copyOf(sent)));
        }
        return BackgroundLoop.Outcome.after(sent.size(), config.batchSize());
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
            ack.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
        }
        return ids;
    }

    private static ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        String key = row.getString("record_key");
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), key, row.getString("payload"));
        CloudEventHeaders.of(row.getString("event_id"), row.getString("event_type"), row.getString("source"),
                        row.getTimestamp("event_time").toInstant(), key)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            record.headers().add(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
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
}

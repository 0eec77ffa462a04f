package io.supportflow.runtime.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.context.Context;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SupportEvent;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Records events to publish in the caller's transaction, so an event exists if and only if
 * the state change that caused it was committed. {@link OutboxRelay} publishes them.
 * The rows of one transaction are written together, as one JDBC batch, just before it commits:
 * a scanner that raises a thousand breaches pays one round trip, not a thousand.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, topic, record_key, source, event_time, payload, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";
    private static final Object PENDING = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;
    private final OutboxRelay relay;
    private final OutboxConfig config;

    Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transaction, OutboxRelay relay,
           OutboxConfig config) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Adds {@code event}, caused by {@code causeId} (the id of the event or command that led to
     * it), and returns its envelope. The event id is derived from the cause and the role, so a
     * replayed cause yields the same id and the outbox keeps only the first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope add(String causeId, String role, Instant eventTime, SupportEvent event) {
        return add(causeId, role, eventTime, event, Context.current());
    }

    /**
     * Like {@link #add(String, String, Instant, SupportEvent)}, for work done on another thread than the one that
     * took it on: the event continues {@code trace}, the context of the request or record that caused it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope add(String causeId, String role, Instant eventTime, SupportEvent event, Context trace) {
        EventEnvelope envelope = EventEnvelope.of(DeterministicIds.eventId(causeId, role), config.source(), eventTime, event);
        pendingInThisTransaction().add(new Row(envelope, TraceContexts.traceparentOf(trace)));
        return envelope;
    }

    /** An event to write, with the trace it continues (null for none). */
    private record Row(EventEnvelope envelope, String traceparent) {
    }

    private List<Row> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Row> pending = (List<Row>) transaction.getResource(PENDING);
        if (pending == null) {
            List<Row> rows = new ArrayList<>();
            transaction.putResource(PENDING, rows);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(rows);
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
            pending = rows;
        }
        return pending;
    }

    private void write(List<Row> rows) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                EventEnvelope envelope = row.envelope();
                insert.setString(1, envelope.id());
                insert.setString(2, envelope.type().ceType());
                insert.setString(3, envelope.topic());
                insert.setString(4, envelope.key());
                insert.setString(5, envelope.source());
                insert.setTimestamp(6, Timestamp.from(envelope.time()));
                insert.setString(7, envelope.payload());
                insert.setString(8, row.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // Thrown before commit, this rolls the whole transaction back: no state change without its events.
            throw new IllegalStateException("Cannot write " + rows.size() + " events to the outbox", e);
        }
    }
}

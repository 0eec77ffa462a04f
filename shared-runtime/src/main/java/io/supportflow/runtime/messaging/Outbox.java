package io.supportflow.runtime.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import io.agroal.api.AgroalDataSource;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SupportEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/**
 * Records events to publish in the caller's transaction, so an event exists if and only if
 * the state change that caused it was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, topic, record_key, source, event_time, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final OutboxRelay relay;
    private final OutboxConfig config;

    Outbox(AgroalDataSource dataSource, TransactionManager transactions, OutboxRelay relay, OutboxConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
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
        EventEnvelope envelope = EventEnvelope.of(DeterministicIds.eventId(causeId, role), config.source(), eventTime, event);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, envelope.id());
            insert.setString(2, envelope.type().ceType());
            insert.setString(3, envelope.topic());
            insert.setString(4, envelope.key());
            insert.setString(5, envelope.source());
            insert.setTimestamp(6, Timestamp.from(envelope.time()));
            insert.setString(7, envelope.payload());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + envelope.type() + " to the outbox", e);
        }
        wakeRelayAfterCommit();
        return envelope;
    }

    private void wakeRelayAfterCommit() {
        try {
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        } catch (jakarta.transaction.RollbackException | SystemException e) {
            // The transaction is already failing; nothing will be committed, so nothing to publish.
        }
    }
}

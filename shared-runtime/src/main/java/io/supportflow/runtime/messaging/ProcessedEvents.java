package io.supportflow.runtime.messaging;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The duplicate detector of idempotent consumers: an event id is recorded in the same
 * transaction as the state change it causes, so a redelivered record is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    // Sorted, so that two transactions recording overlapping ids wait for each other in the same order.
    private static final String INSERT_ALL = """
            INSERT INTO processed_event (consumer, event_id)
            SELECT ?, id FROM unnest(?::varchar[]) AS id ORDER BY id
            ON CONFLICT DO NOTHING RETURNING event_id""";

    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a batch of event ids in one statement and returns those {@code consumer} sees for the
     * first time; an id seen before, or twice in {@code eventIds}, is returned at most once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        Set<String> first = new HashSet<>();
        if (eventIds.isEmpty()) {
            return first;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            insert.setString(1, consumer);
            insert.setArray(2, ids);
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + eventIds.size() + " processed events", e);
        }
    }
}

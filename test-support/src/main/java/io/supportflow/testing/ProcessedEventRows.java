package io.supportflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The rows of a service's idempotent consumers ({@code processed_event}), for tests of an upgrade that renames
 * consumers: a test writes ids under the old names, runs the migration again (the test database is past it
 * already) and reads under which names they are kept.
 */
public final class ProcessedEventRows {

    private ProcessedEventRows() {
    }

    /** Records {@code eventId} as processed by {@code consumer}, as a version before the upgrade did. */
    public static void record(DataSource database, String consumer, String eventId) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + eventId + " as processed by " + consumer, e);
        }
    }

    /** The consumers that recorded {@code eventId}, in name order. */
    public static List<String> consumersOf(DataSource database, String eventId) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT consumer FROM processed_event WHERE event_id = ? ORDER BY consumer")) {
            select.setString(1, eventId);
            List<String> consumers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumers.add(rows.getString(1));
                }
            }
            return consumers;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the consumers of " + eventId, e);
        }
    }

    /** Runs the migration scripts (class-path resources) again, in order. */
    public static void runAgain(DataSource database, String... migrations) {
        for (String migration : migrations) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(migration)) {
                if (in == null) {
                    throw new IllegalArgumentException("No migration " + migration + " on the class path");
                }
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                try (Connection connection = database.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute(script);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot run " + migration + " again", e);
            }
        }
    }
}

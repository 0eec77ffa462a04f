package io.supportflow.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Counts what a service keeps, so a test can show that a refused request stored nothing, or wait until
 * what it was sent has been stored.
 */
public final class StoredRows {

    private StoredRows() {
    }

    /** The rows of all {@code tables} together. */
    public static long count(DataSource database, String... tables) {
        String sum = Arrays.stream(tables).map(table -> "(SELECT count(*) FROM " + table + ")")
                .collect(Collectors.joining(" + "));
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + sum)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of " + String.join(", ", tables), e);
        }
    }

    /** How many of {@code eventIds} the service's consumers have processed. */
    public static long processedAmong(DataSource database, Collection<String> eventIds) {
        return countAmong(database,
                "SELECT count(DISTINCT event_id) FROM processed_event WHERE event_id = ANY (?)", eventIds);
    }

    /** What {@code countQuery} counts, its one parameter bound to {@code values} as a varchar array. */
    public static long countAmong(DataSource database, String countQuery, Collection<String> values) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(countQuery)) {
            select.setArray(1, connection.createArrayOf("varchar", values.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count: " + countQuery, e);
        }
    }
}

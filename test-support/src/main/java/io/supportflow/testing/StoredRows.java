package io.supportflow.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/** Counts what a service keeps, so a test can show that a refused request stored nothing. */
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
}

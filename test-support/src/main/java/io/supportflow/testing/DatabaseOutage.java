package io.supportflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes one service's database away without touching the PostgreSQL server (it may be shared with
 * other work): new connections to the database are refused and the open ones are terminated
 * ({@code pg_terminate_backend}), as a restart of the server would. Closing it lets connections in again.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String serverUrl;
    private final String database;

    private DatabaseOutage(String jdbcUrl) {
        this.serverUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        this.database = databaseOf(jdbcUrl);
    }

    /** Starts an outage of the database {@code jdbcUrl} points to. */
    public static DatabaseOutage begin(String jdbcUrl) {
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl);
        outage.admin("ALTER DATABASE " + outage.database + " ALLOW_CONNECTIONS false");
        outage.terminateConnections();
        return outage;
    }

    /** Drops every open connection to the database of {@code jdbcUrl}, and nothing else: a "restart" seen from one service. */
    public static void terminateConnections(String jdbcUrl) {
        new DatabaseOutage(jdbcUrl).terminateConnections();
    }

    private void terminateConnections() {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND pid <> pg_backend_pid()");
    }

    private static String databaseOf(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", TestDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}

package io.supportflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database, dropped when closed: on the local PostgreSQL server (127.0.0.1:5432, trust
 * auth, or the {@code SUPPORTFLOW_PG_*} variables) or on a {@link PostgresServer} of the test's own.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String HOST = System.getenv().getOrDefault("SUPPORTFLOW_PG_HOST", "127.0.0.1");
    public static final String PORT = System.getenv().getOrDefault("SUPPORTFLOW_PG_PORT", "5432");
    public static final String USER = System.getenv().getOrDefault("SUPPORTFLOW_PG_USER", "postgres");

    private final String serverUrl;
    private final String user;
    private final String name;

    private TestDatabase(String serverUrl, String user, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.name = name;
    }

    /** A database on the shared local server. */
    public static TestDatabase create(String prefix) {
        return create("jdbc:postgresql://" + HOST + ":" + PORT + "/", USER, prefix);
    }

    /** A database on the test's own server. */
    public static TestDatabase create(PostgresServer server, String prefix) {
        return create("jdbc:postgresql://" + server.host() + ":" + server.port() + "/", server.user(), prefix);
    }

    private static TestDatabase create(String serverUrl, String user, String prefix) {
        TestDatabase database = new TestDatabase(serverUrl, user,
                prefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        database.admin("CREATE DATABASE " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " refused: " + sql, e);
        }
    }
}

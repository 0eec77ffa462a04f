package io.supportflow.testing;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Records the SQL statements Hibernate prepares on the calling thread while a piece of work runs, so a
 * test can show how many round trips it costs: a statement sent as one JDBC batch is prepared once.
 * Statements sent over plain JDBC (processed event ids, the event outbox) are not seen. Every
 * service's {@code @QuarkusTest} has it; other threads, and this thread outside {@link #preparedDuring},
 * are not recorded.
 */
@PersistenceUnitExtension
public class SqlStatements implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    /** The statements prepared on this thread while {@code work} ran (its commit included, if it commits), in order. */
    public static List<String> preparedDuring(Runnable work) {
        List<String> recording = new ArrayList<>();
        RECORDING.set(recording);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return recording;
    }
}

package io.supportflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does for the run what autovacuum's analyze does on a production server: keeps the planner's statistics
 * of the services' tables up to date while they grow from empty. The build machine's PostgreSQL runs with
 * autovacuum off (its conf.d/90-ci.conf); there, every table keeps the statistics of an empty one, and the
 * planner reads a batch's lookup of a few hundred ids as a sequential scan of the whole table (measured:
 * PostgreSQL took 4 times the CPU at 200 tickets/s). Where autovacuum is on, this does nothing.
 */
final class TableStatistics implements AutoCloseable {

    static final List<String> DATABASES = List.of("intake", "triage", "sla", "notification", "survey");

    private final ScheduledExecutorService analyzer;
    private final AtomicInteger rounds = new AtomicInteger();

    private TableStatistics(ScheduledExecutorService analyzer) {
        this.analyzer = analyzer;
    }

    /** Analyzes the stack's databases every {@code interval} if the server's autovacuum is off. */
    static TableStatistics keptFresh(Stack stack, Duration interval) {
        if (autovacuumOn(stack)) {
            return new TableStatistics(null);
        }
        ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor(
                LoadGenerator.daemon("bench-analyze"));
        TableStatistics statistics = new TableStatistics(analyzer);
        analyzer.scheduleWithFixedDelay(() -> statistics.analyzeAll(stack), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return statistics;
    }

    /** A line for the report: what the run did about the statistics. */
    String describe() {
        return analyzer == null ? "autovacuum on: the server kept them"
                : "autovacuum off on this server: the benchmark ran ANALYZE on the five databases " + rounds.get()
                + " times, as autovacuum would";
    }

    private void analyzeAll(Stack stack) {
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.pgUser(),
                    stack.pgPassword()); Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            } catch (SQLException e) {
                PipelineBench.log("Could not analyze database %s: %s", database, e.getMessage());
            }
        }
        rounds.incrementAndGet();
    }

    private static boolean autovacuumOn(Stack stack) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.pgUser(),
                stack.pgPassword()); Statement show = connection.createStatement();
             ResultSet setting = show.executeQuery("SHOW autovacuum")) {
            return setting.next() && "on".equals(setting.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the PostgreSQL server's settings", e);
        }
    }

    @Override
    public void close() {
        if (analyzer != null) {
            analyzer.shutdownNow();
        }
    }
}

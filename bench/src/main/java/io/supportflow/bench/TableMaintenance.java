package io.supportflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does for the run what autovacuum does on a production server. The build machine's PostgreSQL runs with
 * autovacuum off (its conf.d/90-ci.conf). There, every table keeps the statistics of an empty one, and the
 * planner reads a batch's lookup of a few hundred ids as a sequential scan of the whole table (measured:
 * PostgreSQL took 4 times the CPU at 200 tickets/s); and nothing reclaims the row versions that updates leave
 * behind, so the queries of a queue-like table (the outbox's unsent rows, the clocks whose alarm rang) walk
 * millions of dead index entries for every claim (measured: 19,000 pages read to find no unsent event after a
 * 1,000,000-ticket run). So, every interval, each table past autovacuum's default thresholds (20 % of its rows
 * dead, or as many inserted since its last vacuum) is vacuumed, throttled as autovacuum throttles itself, and then
 * the whole database analyzed. Where autovacuum is on, this does nothing.
 */
final class TableMaintenance implements AutoCloseable {

    static final List<String> DATABASES = List.of("intake", "triage", "sla", "notification", "survey");

    private static final String PAST_AUTOVACUUM_THRESHOLDS = """
            SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname)
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
               OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0)
            ORDER BY s.n_dead_tup DESC""";

    private final ScheduledExecutorService worker;
    private final Stack stack;
    private final Duration interval;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger vacuums = new AtomicInteger();

    private TableMaintenance(ScheduledExecutorService worker, Stack stack, Duration interval) {
        this.worker = worker;
        this.stack = stack;
        this.interval = interval;
    }

    /** Maintains the stack's databases every {@code interval} if the server's autovacuum is off. */
    static TableMaintenance keptUp(Stack stack, Duration interval) {
        if (autovacuumOn(stack)) {
            return new TableMaintenance(null, stack, interval);
        }
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                LoadGenerator.daemon("bench-autovacuum"));
        TableMaintenance maintenance = new TableMaintenance(worker, stack, interval);
        worker.scheduleWithFixedDelay(maintenance::maintainAll, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return maintenance;
    }

    /** A line for the report: what the run did about vacuum and the planner's statistics. */
    String describe() {
        return worker == null ? "autovacuum on: the server kept the tables"
                : "autovacuum off on this server: the benchmark did what it would, " + rounds.get() + " rounds of "
                + "ANALYZE on the five databases (each " + interval.toSeconds() + " s after the last ended) and "
                + vacuums.get() + " throttled VACUUMs of tables past autovacuum's default thresholds";
    }

    /**
     * Stops the rounds and does one more at once on the caller's thread (when autovacuum is off), for a measurement
     * that starts next: the tables as autovacuum would have left them by then, and no round of ours running into it.
     */
    void lastRoundNow() throws InterruptedException {
        if (worker == null) {
            return;
        }
        worker.shutdownNow();
        // A round under way finishes its statement (JDBC does not stop on an interrupt) and then stops.
        worker.awaitTermination(10, TimeUnit.MINUTES);
        maintainAll();
    }

    private void maintainAll() {
        for (String database : DATABASES) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the run is over: no more vacuuming into what is measured after it
            }
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.pgUser(),
                    stack.pgPassword()); Statement statement = connection.createStatement()) {
                vacuumPastThresholds(statement);
                statement.execute("ANALYZE");
            } catch (SQLException e) {
                PipelineBench.log("Could not maintain database %s: %s", database, e.getMessage());
            }
        }
        rounds.incrementAndGet();
    }

    /** A failed vacuum leaves the database's ANALYZE to run all the same. */
    private void vacuumPastThresholds(Statement statement) {
        try {
            // autovacuum's own cost settings (autovacuum_vacuum_cost_delay/limit): it yields to the load.
            statement.execute("SET vacuum_cost_delay = '2ms'");
            statement.execute("SET vacuum_cost_limit = 200");
            for (String table : pastThresholds(statement)) {
                statement.execute("VACUUM " + table);
                vacuums.incrementAndGet();
            }
        } catch (SQLException e) {
            PipelineBench.log("Could not vacuum: %s", e.getMessage());
        }
    }

    private static List<String> pastThresholds(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(PAST_AUTOVACUUM_THRESHOLDS)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
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
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}

package io.supportflow.bench;

import io.supportflow.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The SLA timer at scale: many open clocks whose due times are spread over a window, started the way
 * sla-service starts every clock (a TicketReceived on tickets.received), then the lateness of each
 * SlaBreached on sla.breaches against its dueAt. With handling clocks every ticket also gets a P1 decided by the
 * rules, and its HandlingBreached (due at the same instant, or handlingTarget − target later) and escalations are
 * measured too. Run it with only Kafka and sla-service up ({@code SUPPORTFLOW_SERVICES=sla bin/supportflow up}): the
 * other services would mail every ticket.
 */
final class SlaScale {

    private static final String BACKGROUND_PREFIX = "bench-background-";
    private static final String SLA_GROUP = "sla-service";

    private final Stack stack;
    private final Settings settings;

    SlaScale(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    SlaScaleResult run() throws Exception {
        requireOnlySla(stack, settings.allowOtherServices());
        ProcessSampler sampler = new ProcessSampler(stack.stateDir());
        String loadBefore = ProcessSampler.loadAverage();
        var before = sampler.sample();
        long started = System.nanoTime();
        long dbBefore = databaseSize();
        try {
            addBackgroundClocks();
            return measure(sampler, before, started, loadBefore, dbBefore);
        } finally {
            removeBackgroundClocks();
        }
    }

    /**
     * Seeded tickets go to sla-service alone: the other services would process every one of them too (and mail each
     * customer), unless the caller allows it.
     */
    static void requireOnlySla(Stack stack, boolean allowOtherServices) {
        Map<String, Long> components = stack.runningComponents();
        if (!components.containsKey("sla")) {
            throw new IllegalStateException("sla-service is not running: start it with 'SUPPORTFLOW_SERVICES=sla "
                    + "bin/supportflow up'");
        }
        List<String> others = components.keySet().stream()
                .filter(name -> List.of("intake", "triage", "notification", "survey").contains(name)).toList();
        if (!others.isEmpty() && !allowOtherServices) {
            throw new IllegalStateException("these services would process every seeded ticket too (and mail each "
                    + "customer): " + others + ". Restart with only sla-service: 'bin/supportflow down && "
                    + "SUPPORTFLOW_SERVICES=sla bin/supportflow up', or pass --allow-other-services");
        }
    }

    private SlaScaleResult measure(ProcessSampler sampler, Map<String, ProcessSampler.Usage> before, long started,
                                   String loadBefore, long dbBefore) throws Exception {
        Instant firstDue = Instant.now().plus(settings.lead());
        Map<String, Integer> ours = new ConcurrentHashMap<>(settings.clocks());
        BreachTally tally = new BreachTally(ours, settings.handling() ? settings.target() : null,
                settings.handling() ? settings.handlingTarget() : null, firstDue);
        IngestProgress ingest = new IngestProgress(settings.handling()
                ? List.of(Topics.TICKETS_RECEIVED, Topics.TICKETS_PRIORITY) : List.of(Topics.TICKETS_RECEIVED));
        double seedSeconds;
        String tableStatistics;
        try (BreachWatcher watcher = new BreachWatcher(stack.bootstrapServers(), tally);
             TableMaintenance maintenance = TableMaintenance.keptUp(stack, Duration.ofSeconds(15))) {
            PipelineBench.log("Seeding %d clocks%s, due from %s over %d s (target %s, lead %d s)...", settings.clocks(),
                    settings.handling() ? " with handling clocks (PRO P1, handling target "
                            + settings.handlingTarget() + ")" : "", firstDue,
                    settings.window().toSeconds(), settings.target(), settings.lead().toSeconds());
            long seedStart = System.nanoTime();
            ClockSeeds.send(stack.bootstrapServers(), settings, firstDue, ours);
            seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            PipelineBench.log("Seeded in %.1f s. Waiting for sla-service to start the clocks and for the breaches...",
                    seedSeconds);
            awaitBreaches(tally, ingest, firstDue);
            tableStatistics = maintenance.describe();
        }
        var after = sampler.sample();
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        long[] sizes = databaseSizes();
        long breaches = tally.response().count();
        return new SlaScaleResult(settings.clocks(), settings.backgroundClocks(), settings.window().toSeconds(),
                settings.lead().toSeconds(), Machine.current(), loadBefore, ProcessSampler.loadAverage(),
                Math.round(seedSeconds * 10) / 10d,
                ingest.caughtUpAt == null ? null : Duration.between(firstDue.minus(settings.lead()),
                        ingest.caughtUpAt).toSeconds(),
                ingest.caughtUpAt != null && ingest.caughtUpAt.isBefore(firstDue),
                breaches, settings.clocks() - breaches, tally.response().toRead(), tally.response().toPublished(),
                settings.handling() ? SlaScaleResult.HandlingFigures.of(tally, settings) : null,
                dbBefore / (1024 * 1024), sizes[0] / (1024 * 1024), sizes[1], sizes[2] / (1024 * 1024),
                tableStatistics, ProcessSampler.between(before, after, wallSeconds));
    }

    /**
     * Until every clock (both, with handling) has breached, or the window, the handling clocks' delay after it and
     * the drain have passed.
     */
    private void awaitBreaches(BreachTally tally, IngestProgress ingest, Instant firstDue) throws InterruptedException {
        Instant giveUp = firstDue.plus(settings.window()).plus(settings.handlingDelay()).plus(settings.drain());
        long lastReport = 0;
        while (!complete(tally) && Instant.now().isBefore(giveUp)) {
            if (tally.offTarget() != null) {
                throw new IllegalStateException(tally.offTarget() + ". With --handling the response clock of a "
                        + ClockSeeds.HANDLING_PLAN + " P1 ticket must run on --target and its handling clock on "
                        + "--handling-target: start sla-service with SUPPORTFLOW_SLA_HANDLING_TARGETS_"
                        + ClockSeeds.HANDLING_PLAN + "_P1=" + settings.handlingTarget().toMinutes()
                        + "m (and run 'bin/supportflow down --purge' first)");
            }
            ingest.check(stack.bootstrapServers(), firstDue);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                PipelineBench.log("  sla-service lag on %s %d, breaches seen %d%s of %d", String.join(" + ",
                        ingest.topics), ingest.lag, tally.response().count(), settings.handling()
                        ? " (response) / " + tally.handling().count() + " (handling)" : "", settings.clocks());
                lastReport = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        if (settings.handling() && complete(tally)) {
            // The escalation owed at the handling breach is published in the same round; let the last ones arrive.
            Thread.sleep(3000);
        }
    }

    private boolean complete(BreachTally tally) {
        return tally.response().count() >= settings.clocks()
                && (!settings.handling() || tally.handling().count() >= settings.clocks());
    }

    /**
     * Open clocks that fall due long after the run, written straight into sla_clock in the shape
     * sla-service gives a received ticket without a priority (P3, a warning at 75 %). They make the
     * table, its indexes and the scanner's claims work at full scale without hours of seeding through
     * the consumer; the clocks whose breaches are measured all went through Kafka.
     */
    private void addBackgroundClocks() throws SQLException {
        if (settings.backgroundClocks() == 0) {
            return;
        }
        PipelineBench.log("Writing %d background clocks (due in about 24 h) into sla_clock...", settings.backgroundClocks());
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             java.sql.PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO sla_clock (ticket_id, reference, plan, received_at, priority, priority_known,
                                            target_seconds, due_at, warnings_sent, alarm_at)
                     SELECT ? || i, 'SF-BG' || i, 'PRO', r, 'P3', false, 86400, r + interval '24 hours', 0,
                            r + interval '18 hours'
                     FROM generate_series(1, ?) AS i, LATERAL (SELECT now() - i * interval '1 millisecond') AS t(r)
                     ON CONFLICT DO NOTHING""")) {
            insert.setString(1, BACKGROUND_PREFIX);
            insert.setInt(2, settings.backgroundClocks());
            insert.executeUpdate();
        }
        PipelineBench.log("  written in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private void removeBackgroundClocks() {
        if (settings.backgroundClocks() == 0) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM sla_clock WHERE ticket_id LIKE '" + BACKGROUND_PREFIX + "%'");
        } catch (SQLException e) {
            PipelineBench.log("Could not remove the background clocks (ticket_id '%s…'): %s", BACKGROUND_PREFIX,
                    e.getMessage());
        }
    }

    private long databaseSize() {
        return databaseSizes()[0];
    }

    /** pg_database_size of sla, rows in sla_clock, and that table's size with its indexes. */
    private long[] databaseSizes() {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_database_size('sla'), (SELECT count(*) FROM sla_clock), "
                     + "pg_total_relation_size('sla_clock')")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        } catch (SQLException e) {
            PipelineBench.log("Cannot read the sla database's size: %s", e.getMessage());
            return new long[] {0, 0, 0};
        }
    }

    /** When sla-service had consumed everything seeded (its group's lag on the seeded topics reached 0). */
    private static final class IngestProgress {
        final List<String> topics;
        long lag = -1;
        Instant caughtUpAt;

        IngestProgress(List<String> topics) {
            this.topics = topics;
        }

        void check(String bootstrapServers, Instant firstDue) {
            if (caughtUpAt != null) {
                return;
            }
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (Admin admin = Admin.create(props)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SLA_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                committed.keySet().stream().filter(p -> topics.contains(p.topic()))
                        .forEach(p -> ends.put(p, OffsetSpec.latest()));
                if (!ends.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet())
                        .containsAll(topics)) {
                    lag = -1; // sla-service has committed nothing on one of them yet
                    return;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all().get();
                lag = latest.entrySet().stream()
                        .mapToLong(e -> e.getValue().offset() - committed.get(e.getKey()).offset()).sum();
                if (lag == 0) {
                    caughtUpAt = Instant.now();
                    PipelineBench.log("  sla-service has consumed every seeded ticket (%s the first due time)",
                            caughtUpAt.isBefore(firstDue) ? "before" : "AFTER");
                }
            } catch (Exception e) {
                lag = -1;
            }
        }
    }

    /**
     * @param backgroundClocks open clocks added straight to the table, due after the run (removed at the end)
     * @param target           the response target of a clock without a priority (P3 of every plan: 24 h by
     *                         default); with handling clocks the PRO P1 response target (1 h)
     * @param handlingTarget   with handling clocks the PRO P1 handling target sla-service runs on; equal to target
     *                         unless set, and never shorter: a handling clock due before its response clock could
     *                         fall due before sla-service has consumed its ticket
     * @param handling         every ticket PRO with a PriorityAssigned P1, so it has a handling clock as well
     */
    record Settings(int clocks, int backgroundClocks, Duration window, Duration lead, Duration drain, Duration target,
                    Duration handlingTarget, boolean allowOtherServices, boolean handling) {

        Settings {
            if (handlingTarget.compareTo(target) < 0) {
                throw new IllegalArgumentException("--handling-target " + handlingTarget + " is shorter than --target "
                        + target + ": each handling clock would fall due before its response clock, possibly before "
                        + "sla-service has consumed its ticket");
            }
        }

        /**
         * How long after its response clock a ticket's handling clock falls due: both start at receipt, so zero
         * (both at the same instant, twice the breaches per second) unless the handling target is longer.
         */
        Duration handlingDelay() {
            return handlingTarget.minus(target);
        }
    }
}

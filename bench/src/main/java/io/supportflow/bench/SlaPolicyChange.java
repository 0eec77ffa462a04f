package io.supportflow.bench;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * Issue 20's figure: how soon after a change of the SLA policy every open clock has been judged again under it.
 * Opens {@code clocks} clocks of one plan and priority through Kafka (as sla-scale does), received now and due hours
 * later, then changes that cell's response target with {@code PUT /api/v1/sla/policy}. The PUT rings every open
 * clock's alarm in its own transaction; sla-service's breach scanner then judges each again in batches. The benchmark
 * watches sla's database until no alarm is left at or before the change and every seeded clock is due on the new
 * target. With a decided priority (the default, P2) each clock's handling is planned again under the new version as
 * well, a HandlingScheduled written to the outbox for it: the work a real open ticket costs. Nothing falls due
 * during the run, so what is measured is the recomputation alone. Afterwards the seeded clocks are removed and the
 * policy is put back as it was (a version more). Run it with only Kafka and sla-service up.
 */
final class SlaPolicyChange {

    /** The figure of issue 20. */
    static final long FIGURE_CLOCKS = 100_000;
    static final Duration FIGURE_TIME = Duration.ofSeconds(10);

    private static final long POLL_NANOS = 100_000_000L;
    /** Seeding is given up on when sla-service starts no further clock for this long. */
    private static final Duration INGEST_STALL = Duration.ofSeconds(120);

    private final Stack stack;
    private final Settings settings;

    SlaPolicyChange(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    SlaPolicyChangeResult run() throws Exception {
        SlaScale.requireOnlySla(stack, settings.allowOtherServices());
        SlaPolicyApi api = new SlaPolicyApi(stack.slaUrl(), settings.opsUser(), settings.opsPassword());
        // Read before seeding: a wrong address or password fails now, not after minutes of seeding.
        SlaPolicyApi.Version original = api.get();
        Priority cell = settings.cellPriority();
        Duration before = PolicyEdit.responseTarget(original.body(), settings.plan(), cell);
        Duration after = settings.newTarget(before);
        List<Double> fractions = PolicyEdit.warningFractions(original.body());
        checkNothingFallsDue(Instant.now(), before, after, fractions, Instant.now().plus(settings.timeout()));

        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword())) {
            try (Statement statement = db.createStatement()) {
                // The seeded ticket ids, in this session only: every query below joins them.
                statement.execute("CREATE TEMP TABLE bench_ours (ticket_id VARCHAR(36) PRIMARY KEY)");
            }
            Change change = new Change(api, before, after);
            try {
                Seeding seeding = seed(db, before);
                checkNothingFallsDue(seeding.firstReceived(), before, after, fractions,
                        Instant.now().plus(settings.timeout()));
                return measure(db, change, seeding);
            } finally {
                cleanUp(db, change);
            }
        }
    }

    /** The run's seeding, and how long until sla-service had started every clock (null: it had not). */
    private record Seeding(Instant firstReceived, double seedSeconds, Double ingestSeconds, String tableStatistics) {
    }

    private Seeding seed(Connection db, Duration target) throws Exception {
        Map<String, Integer> ours = new ConcurrentHashMap<>(settings.clocks());
        try (TableMaintenance maintenance = TableMaintenance.keptUp(stack, Duration.ofSeconds(15))) {
            PipelineBench.log("Seeding %d %s clocks received now, due in %s (%s)...", settings.clocks(),
                    settings.cell(), target, settings.priority() == null
                            ? "TicketReceived only: the plan's P3 target" : "TicketReceived + PriorityAssigned");
            Instant firstReceived = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long start = System.nanoTime();
            try {
                ClockSeeds.sendReceivedNow(stack.bootstrapServers(), settings.clocks(), settings.plan(),
                        settings.priority(), ours);
            } finally {
                remember(db, ours.keySet()); // whatever was sent is removed at the end, even after a failure
            }
            double seedSeconds = (System.nanoTime() - start) / 1e9;
            PipelineBench.log("Seeded in %.1f s. Waiting for sla-service to start every clock...", seedSeconds);
            Double ingestSeconds = awaitIngest(db, target, start);
            if (ingestSeconds == null) {
                throw new IllegalStateException("sla-service started no further clock for " + INGEST_STALL.toSeconds()
                        + " s: is it consuming tickets.received? (its log: bin/supportflow logs sla)");
            }
            PipelineBench.log("Analyzing the tables before the change...");
            maintenance.lastRoundNow();
            try (Statement analyze = db.createStatement()) {
                // Where autovacuum is on it may not have got to the new rows yet: the planner sees them all the same.
                analyze.execute("ANALYZE sla_clock");
            }
            return new Seeding(firstReceived, round(seedSeconds), round(ingestSeconds), maintenance.describe()
                    + "; the last round, and an ANALYZE of sla_clock, just before the change");
        }
    }

    private static void remember(Connection db, Set<String> ticketIds) throws SQLException {
        StringBuilder rows = new StringBuilder(ticketIds.size() * 37);
        ticketIds.forEach(id -> rows.append(id).append('\n'));
        try {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_ours (ticket_id) FROM STDIN",
                    new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot write the seeded ticket ids", e);
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE bench_ours"); // a temporary table has no statistics unless asked
        }
    }

    /** Seconds from the start of seeding until every seeded clock was due on {@code target}; null when it stalled. */
    private Double awaitIngest(Connection db, Duration target, long seedStart) throws Exception {
        long started = -1;
        long lastProgress = System.nanoTime();
        long lastReport = 0;
        // With a priority, started means its decision consumed too (the clock on that target, the handling planned).
        try (PreparedStatement count = db.prepareStatement("""
                SELECT count(*) FROM sla_clock c JOIN bench_ours o USING (ticket_id)
                WHERE c.due_at = c.received_at + ?::interval AND c.priority_known = ?""")) {
            count.setString(1, target.toString());
            count.setBoolean(2, settings.priority() != null);
            while (true) {
                long now = System.nanoTime();
                long clocks = single(count);
                if (clocks >= settings.clocks()) {
                    return (now - seedStart) / 1e9;
                }
                if (clocks > started) {
                    started = clocks;
                    lastProgress = now;
                } else if (now - lastProgress > INGEST_STALL.toNanos()) {
                    return null;
                }
                if (now - lastReport > 10_000_000_000L) {
                    PipelineBench.log("  %d of %d clocks started", clocks, settings.clocks());
                    lastReport = now;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The change under way: the version it was made from and the one it made, once the PUT has answered. */
    private static final class Change {
        final SlaPolicyApi api;
        final Duration before;
        final Duration after;
        SlaPolicyApi.Version base;
        SlaPolicyApi.Version changed;

        Change(SlaPolicyApi api, Duration before, Duration after) {
            this.api = api;
            this.before = before;
            this.after = after;
        }
    }

    private SlaPolicyChangeResult measure(Connection db, Change change, Seeding seeding) throws Exception {
        long openClocks = single(db, "SELECT count(*) FROM sla_clock WHERE alarm_at IS NOT NULL");
        long rows = single(db, "SELECT count(*) FROM sla_clock");
        // The version in force now: another change since the first read would make the PUT answer 412.
        SlaPolicyApi.Version current = change.api.get();
        if (!PolicyEdit.responseTarget(current.body(), settings.plan(), settings.cellPriority())
                .equals(change.before)) {
            throw new IllegalStateException("responseTargets." + settings.plan() + "." + settings.cellPriority()
                    + " changed during seeding: the seeded clocks are not all due on one target");
        }
        change.base = current;
        String edited = PolicyEdit.withResponseTarget(current.body(), settings.plan(), settings.cellPriority(),
                change.after);
        ProcessSampler sampler = new ProcessSampler(stack.stateDir());
        String loadBefore = ProcessSampler.loadAverage();
        PipelineBench.log("Changing responseTargets.%s.%s from %s to %s (If-Match %s); %d open clocks, %d seeded...",
                settings.plan(), settings.cellPriority(), change.before, change.after, current.etag(), openClocks,
                settings.clocks());
        Map<String, ProcessSampler.Usage> cpuBefore = sampler.sample();
        long sent = System.nanoTime();
        change.changed = change.api.put(edited, current.etag());
        long answered = System.nanoTime();
        Instant at = PolicyEdit.changedAt(change.changed.body());
        PipelineBench.log("  PUT answered after %d ms: version %d, at %s", millis(answered - sent),
                PolicyEdit.version(change.changed.body()), at);

        Watch watch = watch(db, at, change, sent);
        Map<String, ProcessSampler.Usage> cpuAfter = sampler.sample();
        double windowSeconds = (watch.lastLook - sent) / 1e9;
        return new SlaPolicyChangeResult(settings.clocks(), settings.cell(), settings.priority() != null,
                change.before, change.after, PolicyEdit.version(current.body()),
                PolicyEdit.version(change.changed.body()), at, Machine.current(), loadBefore,
                ProcessSampler.loadAverage(), seeding.seedSeconds(), seeding.ingestSeconds(),
                seeding.tableStatistics(), openClocks, rows, millis(answered - sent), watch.rungMillis,
                watch.judgedMillis, settings.timeout().toSeconds(), watch.alarmsLeft, watch.seededOnOldTarget,
                SlaPolicyChangeResult.rate(openClocks, millis(answered - sent), watch.judgedMillis), watch.progress,
                ProcessSampler.between(cpuBefore, cpuAfter, windowSeconds));
    }

    /** What the polls saw; the instants in ms after the PUT was sent, null when not reached. */
    private static final class Watch {
        Long rungMillis;
        Long judgedMillis;
        long alarmsLeft = -1;
        long seededOnOldTarget = -1;
        long lastLook;
        final List<SlaPolicyChangeResult.Progress> progress = new ArrayList<>();
    }

    /**
     * Polls every 100 ms until no clock's alarm is at or before the change (each one rung has been judged again: a
     * judgement sets the alarm to the next instant it matters, after the change unless something is due) and no
     * seeded clock is due on anything but the new target; or until the timeout. Each instant is when the poll that
     * saw it began (its query's snapshot); the cheap EXISTS runs every time, the counts over the seeded clocks only
     * when they can change the answer, and the count of what is left once a second, for the progress line.
     */
    private Watch watch(Connection db, Instant at, Change change, long sent) throws Exception {
        Watch watch = new Watch();
        OffsetDateTime changeInstant = at.atOffset(ZoneOffset.UTC);
        try (PreparedStatement pending = db.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM sla_clock WHERE alarm_at <= ?)");
             PreparedStatement unrung = db.prepareStatement("""
                     SELECT count(*) FROM sla_clock c JOIN bench_ours o USING (ticket_id)
                     WHERE c.alarm_at > ? AND c.due_at = c.received_at + ?::interval""");
             PreparedStatement onOldTarget = db.prepareStatement("""
                     SELECT count(*) FROM sla_clock c JOIN bench_ours o USING (ticket_id)
                     WHERE c.due_at IS DISTINCT FROM c.received_at + ?::interval""");
             PreparedStatement left = db.prepareStatement("SELECT count(*) FROM sla_clock WHERE alarm_at <= ?")) {
            pending.setObject(1, changeInstant);
            unrung.setObject(1, changeInstant);
            unrung.setString(2, change.before.toString());
            onOldTarget.setString(1, change.after.toString());
            left.setObject(1, changeInstant);
            long nextProgress = 0;
            while (true) {
                long look = System.nanoTime();
                watch.lastLook = look;
                // Not rung: after the change's alarm, yet still due on the old target (so not judged again either).
                if (watch.rungMillis == null && single(unrung) == 0) {
                    watch.rungMillis = millis(look - sent);
                }
                if (watch.rungMillis != null && !exists(pending)) {
                    watch.alarmsLeft = 0;
                    watch.seededOnOldTarget = single(onOldTarget);
                    if (watch.seededOnOldTarget == 0) {
                        watch.judgedMillis = millis(look - sent);
                        watch.progress.add(new SlaPolicyChangeResult.Progress(seconds(look - sent), 0));
                        PipelineBench.log("  every clock judged again %d ms after the PUT was sent",
                                watch.judgedMillis);
                        return watch;
                    }
                }
                if (look >= nextProgress) {
                    watch.alarmsLeft = single(left);
                    watch.progress.add(new SlaPolicyChangeResult.Progress(seconds(look - sent), watch.alarmsLeft));
                    PipelineBench.log("  %d clocks still to judge again", watch.alarmsLeft);
                    nextProgress = look + 1_000_000_000L;
                }
                if (look - sent > settings.timeout().toNanos()) {
                    watch.alarmsLeft = single(left);
                    watch.seededOnOldTarget = single(onOldTarget);
                    PipelineBench.log("  given up after %d s: %d alarms at or before the change, %d seeded clocks "
                            + "not on the new target", settings.timeout().toSeconds(), watch.alarmsLeft,
                            watch.seededOnOldTarget);
                    return watch;
                }
                long pause = look + POLL_NANOS - System.nanoTime();
                if (pause > 0) {
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                }
            }
        }
    }

    /**
     * Removes the seeded clocks (they would breach hours later, and escalate) and puts the policy back as it was
     * before the change, a version more; a failure of either is reported and leaves the rest to do.
     */
    private void cleanUp(Connection db, Change change) {
        try (Statement delete = db.createStatement()) {
            int priorities = delete.executeUpdate("DELETE FROM sla_priority_change p USING bench_ours o "
                    + "WHERE p.ticket_id = o.ticket_id");
            int clocks = delete.executeUpdate("DELETE FROM sla_clock c USING bench_ours o "
                    + "WHERE c.ticket_id = o.ticket_id");
            PipelineBench.log("Removed the %d seeded clocks (and %d priority decisions) from sla's database", clocks,
                    priorities);
        } catch (SQLException e) {
            PipelineBench.log("Could not remove the seeded clocks: %s", e.getMessage());
        }
        if (change.changed == null) {
            return;
        }
        try {
            // The version's own body: version, changedBy and at in it are ignored, the rest is the policy as it was.
            SlaPolicyApi.Version restored = change.api.put(change.base.body(), change.changed.etag());
            PipelineBench.log("Put the policy back as it was: version %d", PolicyEdit.version(restored.body()));
        } catch (Exception e) {
            PipelineBench.log("Could not put the policy back (responseTargets.%s.%s is still %s): %s",
                    settings.plan(), settings.cellPriority(), change.after, e.getMessage());
        }
    }

    /**
     * Refuses a run in which a seeded clock would warn or fall due before {@code until}, under the target in force or
     * the new one: that would be measured as recomputation and publish events beside it.
     */
    static void checkNothingFallsDue(Instant firstReceived, Duration before, Duration after, List<Double> fractions,
                                     Instant until) {
        double earliest = fractions.stream().mapToDouble(Double::doubleValue).filter(f -> f > 0).min().orElse(1);
        Duration shorter = before.compareTo(after) <= 0 ? before : after;
        Instant first = firstReceived.plusMillis(Math.round(shorter.toMillis() * Math.min(earliest, 1)));
        if (!first.isAfter(until)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the seeded clocks would warn or fall due "
                    + "at %s, within the run (target %s, warnings at %s of it): choose a longer --due-in", first,
                    shorter, fractions));
        }
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10d;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10d;
    }

    /**
     * @param priority    decided at receipt (PriorityAssigned by the rules); null for none, the clock running on the
     *                    plan's P3 target as for a ticket triage has not decided yet
     * @param dueIn       the changed target: how long after receipt the seeded clocks fall due once the policy has
     *                    changed; null for half the target in force
     * @param timeout     how long after the PUT the benchmark waits for every clock to be judged again
     */
    record Settings(int clocks, Plan plan, Priority priority, Duration dueIn, Duration timeout, String opsUser,
                    String opsPassword, boolean allowOtherServices) {

        Settings {
            if (clocks <= 0) {
                throw new IllegalArgumentException("--clocks must be at least 1");
            }
            if (dueIn != null && (dueIn.isNegative() || dueIn.isZero())) {
                throw new IllegalArgumentException("--due-in must be longer than 0");
            }
        }

        static Settings from(Options options) {
            return new Settings((int) options.number("clocks", FIGURE_CLOCKS),
                    parse("plan", options.text("plan", "PRO"), Plan.class),
                    "none".equalsIgnoreCase(options.text("priority", "P2")) ? null
                            : parse("priority", options.text("priority", "P2"), Priority.class),
                    options.text("due-in", null) == null ? null : options.duration("due-in", null),
                    options.duration("timeout", Duration.ofSeconds(120)),
                    options.text("ops-user", "ops"), options.text("ops-password", "ops-dev-password"),
                    options.flag("allow-other-services"));
        }

        /** The priority whose response target the seeded clocks run on: theirs, or P3 for tickets without one. */
        Priority cellPriority() {
            return priority == null ? Priority.P3 : priority;
        }

        /** "PRO P2", or "PRO without a priority (P3)". */
        String cell() {
            return plan + (priority == null ? " without a priority (P3)" : " " + priority);
        }

        /** The target the change sets, given the one in force. */
        Duration newTarget(Duration current) {
            Duration target = dueIn != null ? dueIn : current.dividedBy(2);
            if (target.equals(current)) {
                throw new IllegalArgumentException("--due-in " + target + " is the target in force for " + cell()
                        + ": the change would move no due time");
            }
            return target;
        }

        private static <E extends Enum<E>> E parse(String option, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + option + " must be one of "
                        + Arrays.toString(type.getEnumConstants())
                        + ("priority".equals(option) ? " or none" : "") + ", not '" + value + "'");
            }
        }
    }
}

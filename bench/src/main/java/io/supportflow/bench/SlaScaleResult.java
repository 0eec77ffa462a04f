package io.supportflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an SLA-scale run measured.
 *
 * @param ingestSecondsAfterSeeding when sla-service had consumed every seeded ticket, counted from the start of seeding
 * @param ingestedBeforeFirstDue    whether every clock existed before the first one fell due (else lateness includes ingest)
 * @param lateness                  dueAt → the SlaBreached record read by the benchmark
 * @param latenessToPublished       dueAt → the SlaBreached record's timestamp (when the relay sent it)
 * @param handling                  the handling clocks' figures; null unless the run gave every ticket one (--handling)
 */
record SlaScaleResult(int clocks, int backgroundClocks, long windowSeconds, long leadSeconds, Machine machine, String loadAverageBefore,
                      String loadAverageAfter, double seedSeconds, Long ingestSecondsAfterSeeding,
                      boolean ingestedBeforeFirstDue, long breaches, long missingBreaches, LatencySummary lateness,
                      LatencySummary latenessToPublished, HandlingFigures handling, long slaDatabaseMbBefore, long slaDatabaseMbAfter,
                      long slaClockRows, long slaClockTableMb, String tableStatistics,
                      List<ProcessSampler.ProcessFigures> processes) {

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("# SupportFlow SLA timer at scale: ").append(clocks).append(" clocks falling due over ")
                .append(windowSeconds).append(" s among ").append(clocks + backgroundClocks).append(" open")
                .append(handling == null ? "" : ", with handling clocks").append("\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(Reports.f("Machine: %d cores, %d MB, Java %s. Load average before %s, after %s.%n%n", machine.cores(),
                machine.memoryMb(), machine.javaVersion(), loadAverageBefore, loadAverageAfter));
        md.append("Table maintenance: ").append(tableStatistics).append(".\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        Reports.row(md, "clocks seeded (TicketReceived on tickets.received)", Reports.f("%d in %.1f s", clocks, seedSeconds));
        Reports.row(md, "background clocks (written into sla_clock, due after the run)", Integer.toString(backgroundClocks));
        Reports.row(md, "open clocks while measuring", Long.toString((long) clocks + backgroundClocks));
        Reports.row(md, "sla-service consumed them all", ingestSecondsAfterSeeding == null ? "not within the run"
                : ingestSecondsAfterSeeding + " s after seeding began ("
                + (ingestedBeforeFirstDue ? "before" : "after") + " the first due time, lead " + leadSeconds + " s)");
        String clock = handling == null ? "" : "response: ";
        if (handling != null) {
            handling.appendClocks(md, clocks, windowSeconds);
        }
        Reports.row(md, handling == null ? "breaches on sla.breaches" : "response breaches (SlaBreached) on sla.breaches",
                breaches + " (missing " + missingBreaches + ")");
        Reports.row(md, clock + "lateness dueAt → breach read p50 / p99 / p99.9 / max", Reports.latency(lateness));
        Reports.row(md, clock + "lateness dueAt → breach record timestamp p50 / p99 / p99.9 / max",
                Reports.latency(latenessToPublished));
        if (handling != null) {
            handling.appendBreaches(md);
        }
        Reports.row(md, "sla database (pg_database_size) before / after", slaDatabaseMbBefore + " MB / "
                + slaDatabaseMbAfter + " MB");
        Reports.row(md, "sla_clock rows / size with indexes", slaClockRows + " / " + slaClockTableMb + " MB");
        md.append("\n## Processes during the run\n\n| Process | CPU s | CPU % of one core | peak RSS MB |\n|---|---|---|---|\n");
        for (ProcessSampler.ProcessFigures p : processes) {
            md.append(Reports.f("| %s | %.1f | %.0f | %d |%n", p.process(), p.cpuSeconds(), p.cpuPercent(), p.peakRssMb()));
        }
        md.append("\nThe seeded tickets stay on tickets.received").append(handling == null ? "" : " and tickets.priority")
                .append(": run `bin/supportflow down --purge` before starting the other services again, or they will "
                        + "process (and mail) every one of them.")
                .append(handling == null ? "" : " Until then sla-service goes on firing the escalation levels that "
                        + "wait longer than the run (15 and 30 min after the breaches by the shipped ladder).")
                .append("\n");
        return md.toString();
    }

    /**
     * The handling clocks of a run with {@code --handling}: every ticket PRO P1, its handling clock due with its
     * response clock or (target − responseTarget) after it.
     *
     * @param responseTarget               the response clocks' target
     * @param target                       the handling clocks' target, never shorter than responseTarget
     * @param escalations                  distinct tickets per "TRIGGER level N" seen on sla.breaches
     * @param escalationLateness           for levels owed from the first due time on: their {@code at} → read
     * @param escalationLatenessToPublished the same → the record's timestamp
     */
    record HandlingFigures(Duration responseTarget, Duration target, long breaches, long missingBreaches,
                           LatencySummary lateness, LatencySummary latenessToPublished, Map<String, Long> escalations,
                           LatencySummary escalationLateness, LatencySummary escalationLatenessToPublished) {

        /** Once the watcher has stopped. */
        static HandlingFigures of(BreachTally tally, SlaScale.Settings settings) {
            BreachTally.Lateness handling = tally.handling();
            return new HandlingFigures(settings.target(), settings.handlingTarget(), handling.count(),
                    settings.clocks() - handling.count(), handling.toRead(), handling.toPublished(),
                    tally.escalations(), tally.escalationsInWindow().toRead(),
                    tally.escalationsInWindow().toPublished());
        }

        void appendClocks(StringBuilder md, int clocks, long windowSeconds) {
            double rate = (double) clocks / windowSeconds;
            long delaySeconds = target.minus(responseTarget).toSeconds();
            String dueTimes = delaySeconds == 0
                    ? Reports.f("both on a target of %d min, so both fall due at the same instant: 2 breaches per "
                            + "due time, ≈ %.0f breaches/s over the window (twice the rate without handling clocks)",
                            target.toMinutes(), 2 * rate)
                    : Reports.f("on a target of %d min (response %d min), so handling clocks due %d s after their "
                            + "response clock: %s, ≈ %.0f breaches/s each", target.toMinutes(),
                            responseTarget.toMinutes(), delaySeconds, windows(delaySeconds, windowSeconds, rate), rate);
            Reports.row(md, "handling clocks", Reports.f("every ticket %s with a PriorityAssigned P1 (rules) on "
                    + "tickets.priority: a handling clock (round the clock) beside the response clock, %s, plus the "
                    + "escalations owed then", ClockSeeds.HANDLING_PLAN, dueTimes));
        }

        /** How the handling window (as long as the response one, delaySeconds later) lies beside the response one. */
        private static String windows(long delaySeconds, long windowSeconds, double rate) {
            if (delaySeconds < windowSeconds) {
                return Reports.f("two windows overlapping for %d s (≈ %.0f breaches/s there)",
                        windowSeconds - delaySeconds, 2 * rate);
            }
            return delaySeconds == windowSeconds ? "two consecutive windows"
                    : Reports.f("two consecutive windows with %d s between them", delaySeconds - windowSeconds);
        }

        void appendBreaches(StringBuilder md) {
            Reports.row(md, "handling breaches (HandlingBreached) on sla.breaches", breaches + " (missing "
                    + missingBreaches + ")");
            Reports.row(md, "handling: lateness dueAt → breach read p50 / p99 / p99.9 / max", Reports.latency(lateness));
            Reports.row(md, "handling: lateness dueAt → breach record timestamp p50 / p99 / p99.9 / max",
                    Reports.latency(latenessToPublished));
            Reports.row(md, "escalations (SlaEscalated on sla.breaches, tickets per trigger and level)",
                    escalations.isEmpty() ? "none" : escalations.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
            Reports.row(md, "escalations owed from the first due time on: lateness → read p50 / p99 / p99.9 / max",
                    Reports.latency(escalationLateness));
            Reports.row(md, "escalations owed from the first due time on: lateness → record timestamp p50 / p99 / "
                    + "p99.9 / max", Reports.latency(escalationLatenessToPublished));
        }
    }
}

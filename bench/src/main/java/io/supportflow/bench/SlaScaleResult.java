package io.supportflow.bench;

import java.util.List;

/**
 * What an SLA-scale run measured.
 *
 * @param ingestSecondsAfterSeeding when sla-service had consumed every seeded ticket, counted from the start of seeding
 * @param ingestedBeforeFirstDue    whether every clock existed before the first one fell due (else lateness includes ingest)
 * @param lateness                  dueAt → the SlaBreached record read by the benchmark
 * @param latenessToPublished       dueAt → the SlaBreached record's timestamp (when the relay sent it)
 */
record SlaScaleResult(int clocks, int backgroundClocks, long windowSeconds, long leadSeconds, Machine machine, String loadAverageBefore,
                      String loadAverageAfter, double seedSeconds, Long ingestSecondsAfterSeeding,
                      boolean ingestedBeforeFirstDue, long breaches, long missingBreaches, LatencySummary lateness,
                      LatencySummary latenessToPublished, long slaDatabaseMbBefore, long slaDatabaseMbAfter,
                      long slaClockRows, long slaClockTableMb, String tableStatistics,
                      List<ProcessSampler.ProcessFigures> processes) {

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("# SupportFlow SLA timer at scale: ").append(clocks).append(" clocks falling due over ")
                .append(windowSeconds).append(" s among ").append(clocks + backgroundClocks).append(" open\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(Reports.f("Machine: %d cores, %d MB, Java %s. Load average before %s, after %s.%n%n", machine.cores(),
                machine.memoryMb(), machine.javaVersion(), loadAverageBefore, loadAverageAfter));
        md.append("Planner statistics: ").append(tableStatistics).append(".\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        Reports.row(md, "clocks seeded (TicketReceived on tickets.received)", Reports.f("%d in %.1f s", clocks, seedSeconds));
        Reports.row(md, "background clocks (written into sla_clock, due after the run)", Integer.toString(backgroundClocks));
        Reports.row(md, "open clocks while measuring", Long.toString((long) clocks + backgroundClocks));
        Reports.row(md, "sla-service consumed them all", ingestSecondsAfterSeeding == null ? "not within the run"
                : ingestSecondsAfterSeeding + " s after seeding began ("
                + (ingestedBeforeFirstDue ? "before" : "after") + " the first due time, lead " + leadSeconds + " s)");
        Reports.row(md, "breaches on sla.breaches", breaches + " (missing " + missingBreaches + ")");
        Reports.row(md, "lateness dueAt → breach read p50 / p99 / p99.9 / max", Reports.latency(lateness));
        Reports.row(md, "lateness dueAt → breach record timestamp p50 / p99 / p99.9 / max",
                Reports.latency(latenessToPublished));
        Reports.row(md, "sla database (pg_database_size) before / after", slaDatabaseMbBefore + " MB / "
                + slaDatabaseMbAfter + " MB");
        Reports.row(md, "sla_clock rows / size with indexes", slaClockRows + " / " + slaClockTableMb + " MB");
        md.append("\n## Processes during the run\n\n| Process | CPU s | CPU % of one core | peak RSS MB |\n|---|---|---|---|\n");
        for (ProcessSampler.ProcessFigures p : processes) {
            md.append(Reports.f("| %s | %.1f | %.0f | %d |%n", p.process(), p.cpuSeconds(), p.cpuPercent(), p.peakRssMb()));
        }
        md.append("\nThe seeded tickets stay on tickets.received: run `bin/supportflow down --purge` before starting "
                + "the other services again, or they will process (and mail) every one of them.\n");
        return md.toString();
    }
}

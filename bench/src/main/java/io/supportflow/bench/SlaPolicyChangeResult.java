package io.supportflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a policy-change run measured. The instants are milliseconds after the PUT was sent, each the start of the
 * 100 ms poll that first saw it (so up to a poll late), null when not reached.
 *
 * @param prioritized       whether the seeded tickets had a decided priority (a handling clock, planned again under
 *                          each new version) or none (the response clock on the plan's P3 target only)
 * @param changedAt         the new version's {@code at}: the instant the change rang every open alarm at
 * @param ingestSeconds     from the start of seeding until sla-service had started every seeded clock
 * @param openClocks        clocks with an alarm just before the change: every one the scanner judges again
 * @param putMillis         PUT sent → answered: storing the version and ringing every alarm, in one transaction
 * @param rungMillis        → no seeded clock left with its old alarm and old due time (expected at the first look)
 * @param judgedMillis      → no alarm at or before the change and every seeded clock due on the new target
 * @param alarmsLeft        alarms still at or before the change at the end (0 when judgedMillis is set)
 * @param seededOnOldTarget seeded clocks not due on the new target at the end
 * @param judgedPerSecond   openClocks ÷ (PUT answered → judgedMillis): the scanner's rate once the change committed
 * @param progress          once a second: alarms still at or before the change
 * @param processes         CPU from just before the PUT to the last poll
 */
record SlaPolicyChangeResult(int clocks, String cell, boolean prioritized, Duration targetBefore, Duration targetAfter,
                             int versionBefore, int versionAfter, Instant changedAt, Machine machine,
                             String loadAverageBefore, String loadAverageAfter, double seedSeconds,
                             Double ingestSeconds, String tableStatistics, long openClocks, long slaClockRows,
                             long putMillis, Long rungMillis, Long judgedMillis, long timeoutSeconds,
                             long alarmsLeft, long seededOnOldTarget, Double judgedPerSecond,
                             List<Progress> progress, List<ProcessSampler.ProcessFigures> processes) {

    /** Clocks judged again per second from the PUT's answer (when the rung alarms became visible to the scanner). */
    static Double rate(long clocks, long putMillis, Long judgedMillis) {
        if (judgedMillis == null) {
            return null;
        }
        return Math.round(clocks * 1000d / Math.max(1, judgedMillis - putMillis) * 10) / 10d;
    }

    /** Issue 20's figure, met or not, in one line. */
    String verdict() {
        String figure = "Issue 20's target, " + Reports.f("%,d", SlaPolicyChange.FIGURE_CLOCKS)
                + " open clocks recomputed within " + SlaPolicyChange.FIGURE_TIME.toSeconds()
                + " s of a policy change: ";
        if (judgedMillis == null) {
            return figure + Reports.f("**not met**: %d s after the PUT was sent %,d alarms were still at or before "
                    + "the change and %,d seeded clocks still due on the old target.", timeoutSeconds, alarmsLeft,
                    seededOnOldTarget);
        }
        boolean met = judgedMillis <= SlaPolicyChange.FIGURE_TIME.toMillis();
        String line = figure + (met ? "**met**" : "**not met**") + Reports.f(": %,d open clocks judged again "
                + "%.1f s after the PUT was sent.", openClocks, judgedMillis / 1000d);
        if (openClocks < SlaPolicyChange.FIGURE_CLOCKS) {
            line += Reports.f(" Fewer clocks than the figure's %,d: run with --clocks %d for the figure itself.",
                    SlaPolicyChange.FIGURE_CLOCKS, SlaPolicyChange.FIGURE_CLOCKS);
        }
        return line;
    }

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("# SupportFlow SLA policy change: ").append(Reports.f("%,d", openClocks))
                .append(" open clocks judged again\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(Reports.f("Machine: %d cores, %d MB, Java %s. Load average before the change %s, after %s.%n%n",
                machine.cores(), machine.memoryMb(), machine.javaVersion(), loadAverageBefore, loadAverageAfter));
        md.append("Table maintenance: ").append(tableStatistics).append(".\n\n");
        md.append(verdict()).append("\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        Reports.row(md, "clocks seeded (" + cell + (prioritized ? ": TicketReceived + PriorityAssigned, so a handling "
                + "clock too" : ": TicketReceived only") + ")", Reports.f("%d in %.1f s", clocks, seedSeconds));
        Reports.row(md, "sla-service had started them all", ingestSeconds == null ? "not within the run"
                : Reports.f("%.1f s after seeding began", ingestSeconds));
        Reports.row(md, "open clocks when the policy changed (an alarm set) / sla_clock rows",
                Reports.f("%,d / %,d", openClocks, slaClockRows));
        Reports.row(md, "the change", Reports.f("version %d → %d, response target of %s %s → %s, at %s",
                versionBefore, versionAfter, cell, targetBefore, targetAfter, changedAt));
        Reports.row(md, "PUT sent → answered (stores the version and rings every alarm in one UPDATE)",
                putMillis + " ms");
        Reports.row(md, "PUT sent → every seeded alarm rung", rungMillis == null ? "not seen"
                : rungMillis + " ms (the first look after the answer)");
        Reports.row(md, "PUT sent → every clock judged again (no alarm at or before the change, every seeded clock "
                + "due on the new target; polled every 100 ms)", judgedMillis == null
                ? Reports.f("not within %d s (%,d alarms left, %,d seeded clocks on the old target)", timeoutSeconds,
                        alarmsLeft, seededOnOldTarget) : judgedMillis + " ms");
        Reports.row(md, "clocks judged again per second (open clocks ÷ PUT answered → all judged again)",
                judgedPerSecond == null ? "—" : Reports.f("%,.0f", judgedPerSecond));
        processes.stream().filter(p -> "sla".equals(p.process())).findFirst().ifPresent(sla -> Reports.row(md,
                "sla-service CPU, PUT sent → last look", Reports.f("%.1f s (%.0f %% of one core)", sla.cpuSeconds(),
                        sla.cpuPercent())));
        Reports.row(md, "alarms at or before the change, once a second (s after the PUT was sent: left)",
                progress.isEmpty() ? "—" : progress.stream().map(p -> Reports.f("%.1f: %,d", p.seconds(), p.left()))
                        .collect(Collectors.joining(", ")));
        md.append("\n## Processes, PUT sent → last look\n\n| Process | CPU s | CPU % of one core | peak RSS MB |\n"
                + "|---|---|---|---|\n");
        for (ProcessSampler.ProcessFigures p : processes) {
            md.append(Reports.f("| %s | %.1f | %.0f | %d |%n", p.process(), p.cpuSeconds(), p.cpuPercent(),
                    p.peakRssMb()));
        }
        md.append("\nAfterwards the benchmark removed the seeded clocks from sla's database and put the policy back "
                + "as it was, one version more (its log says if either failed). The seeded tickets stay on "
                + "tickets.received").append(prioritized ? " and tickets.priority"
                        : "").append(": run `bin/supportflow down --purge` before starting the other services again, "
                + "or they will process (and mail) every one of them.\n");
        return md.toString();
    }

    /** @param left alarms still at or before the change, {@code seconds} after the PUT was sent */
    record Progress(double seconds, long left) {
    }
}

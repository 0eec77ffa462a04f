package io.supportflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.supportflow.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a run's results as JSON and as a Markdown summary next to it. */
final class Reports {

    private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    static void writeJson(Object result, Path file) throws IOException {
        JSON.writeValue(file.toFile(), result);
    }

    static String pipelineMarkdown(PipelineResult r, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# SupportFlow pipeline benchmark: ").append(r.mode()).append("\n\n");
        md.append("Command: `").append(command).append("`  \n");
        Machine m = r.run().machine();
        md.append(f("Machine: %d cores, %d MB, the benchmark on Java %s, %s. Load average before %s, after %s; some task waited for "
                + "a CPU %.0f %% of the run (/proc/pressure/cpu). Warm-up %d s before measuring.%n%n", m.cores(),
                m.memoryMb(), m.javaVersion(), m.os(), r.run().loadAverageBefore(), r.run().loadAverageAfter(),
                r.run().cpuStallPercent(), r.run().warmupSeconds()));
        md.append("Table maintenance: ").append(r.run().tableStatistics()).append(".\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        row(md, "requests sent", Long.toString(r.http().sent()));
        row(md, "accepted (202)", f("%d, %.1f tickets/s", r.http().accepted(), r.http().acceptedPerSecond()));
        row(md, "errors", r.http().errors() + (r.http().errorsByKind().isEmpty() ? "" : " " + r.http().errorsByKind()));
        row(md, "HTTP latency p50 / p99 / p99.9 / max", latency(r.http().latency()));
        row(md, "end-to-end receivedAt → TICKET_LOGGED record p50 / p99 / p99.9 / max",
                latency(r.endToEnd().toPublished()));
        row(md, "end-to-end receivedAt → mail accepted (sentAt) p50 / p99 / p99.9 / max",
                latency(r.endToEnd().toSentAt()));
        row(md, "stage: receivedAt → TicketReceived published (intake) p50 / p99 / p99.9 / max",
                latency(r.endToEnd().stages().intake()));
        row(md, "stage: → PriorityAssigned published (triage) p50 / p99 / p99.9 / max",
                latency(r.endToEnd().stages().triage()));
        row(md, "stage: → TICKET_LOGGED published (notification) p50 / p99 / p99.9 / max",
                latency(r.endToEnd().stages().notification()));
        row(md, "missing TicketReceived / TICKET_LOGGED / SLA event", f("%d / %d / %d (of %d accepted)",
                r.loss().missingTicketReceived(), r.loss().missingTicketLogged(), r.loss().missingSlaEvent(),
                r.loss().accepted()));
        row(md, "sent to agent review by triage (not logged until an agent decides)",
                Long.toString(r.loss().awaitingAgentReview()));
        row(md, "first SLA event per ticket", r.loss().firstSlaEventTypes().toString());
        row(md, "drained after", r.run().drainedAfterMillis() < 0 ? "not within " + r.run().drainSeconds() + " s"
                : r.run().drainedAfterMillis() + " ms after the last request");
        row(md, "CPU of the stack per accepted ticket (all its processes, idle work included)",
                f("%.1f ms", r.run().stackCpuMillisPerTicket()));
        row(md, "pipeline events", f("%d (%.1f per ticket) in %.1f s: %.0f events/s", r.pipeline().events(),
                r.pipeline().eventsPerTicket(), r.pipeline().windowSeconds(), r.pipeline().eventsPerSecond()));
        if (r.ceiling() != null) {
            BrokerCeiling.Result c = r.ceiling();
            row(md, "broker ceiling (ProducerPerformance, acks=all)", f("%.0f records/s of %d bytes (%.1f MB/s), "
                    + "p50 %d ms, p99 %d ms", c.recordsPerSecond(), c.recordBytes(), c.megabytesPerSecond(), c.p50Ms(),
                    c.p99Ms()));
            row(md, "pipeline events/s ÷ ceiling", f("%.4f", r.pipelineEventsToCeiling()));
            row(md, "accepted tickets/s ÷ ceiling", f("%.4f", r.ticketsToCeiling()));
        }
        appendJvms(md, r.jvms(), r.firstMinute());
        md.append("\n## Processes during the run\n\n| Process | CPU s | CPU % of one core | peak RSS MB |\n|---|---|---|---|\n");
        for (ProcessSampler.ProcessFigures p : r.processes()) {
            md.append(f("| %s | %.1f | %.0f | %d%s |%n", p.process(), p.cpuSeconds(), p.cpuPercent(), p.peakRssMb(),
                    p.processes() > 1 ? " (largest of " + p.processes() + ")" : ""));
        }
        appendProfile(md, r.profile());
        md.append("\nChart: `timeline.png` (tickets per second, end-to-end latency per second).\n");
        return md.toString();
    }

    static void appendJvms(StringBuilder md, List<JvmFacts> jvms, PipelineResult.FirstMinute firstMinute) {
        md.append("\n## The JVMs\n\n| Process | JDK | AOT cache mapped | GC options | age when measuring began |\n"
                + "|---|---|---|---|---|\n");
        jvms.forEach(j -> md.append(f("| %s | %s | %s | %s | %d s |%n", j.component(), j.javaVersion(),
                j.aotCacheMapped() ? "yes" : "no", j.gcOptions(), j.ageSeconds())));
        if (firstMinute == null) {
            return;
        }
        md.append(f("%nThe first minute of the measurement (until %s; the JVMs' ages above) and afterwards:%n%n"
                + "| | first minute | afterwards |%n|---|---|---|%n", firstMinute.endsAt()));
        row(md, "end-to-end p50 / p99 / p99.9 / max, by receivedAt", latency(firstMinute.endToEndFirstMinute())
                + " | " + latency(firstMinute.endToEndAfterwards()));
        row(md, "tickets logged (TICKET_LOGGED record)", firstMinute.loggedInFirstMinute() + " | "
                + firstMinute.loggedAfterwards());
        row(md, "CPU of the stack per ticket logged", firstMinute.stackCpuMillisPerTicketFirstMinute() == null
                ? "not sampled (the run ended first) | " : f("%.1f ms | %.1f ms",
                firstMinute.stackCpuMillisPerTicketFirstMinute(), firstMinute.stackCpuMillisPerTicketAfterwards()));
    }

    static void appendProfile(StringBuilder md, List<Profiler.ProfileSummary> profile) {
        if (profile.isEmpty()) {
            return;
        }
        md.append("\n## Profile (JFR execution samples)\n");
        for (Profiler.ProfileSummary p : profile) {
            md.append(f("%n### %s: %d samples%n%nCPU by thread: ", p.process(), p.samples()));
            md.append(String.join(", ", p.cpuShareByThreadPct().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " %").toList()));
            md.append("  \nOn the stack: ");
            md.append(String.join(", ", p.onStackPct().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " %").toList()));
            md.append("\n\n| top frame | % |\n|---|---|\n");
            p.topFrames().forEach(t -> md.append(f("| `%s` | %.1f |%n", t.method(), t.percent())));
        }
    }

    static String latency(LatencySummary l) {
        return l.count() == 0 ? "none" : f("%.1f / %.1f / %.1f / %.1f ms (n=%d)", l.p50Ms(), l.p99Ms(), l.p999Ms(),
                l.maxMs(), l.count());
    }

    static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static void writeText(String text, Path file) throws IOException {
        Files.writeString(file, text);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

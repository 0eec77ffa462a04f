package io.supportflow.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one pipeline run measured; written as results.json and summarised in results.md. */
record PipelineResult(
        String mode,
        Run run,
        Http http,
        EndToEnd endToEnd,
        Loss loss,
        Pipeline pipeline,
        BrokerCeiling.Result ceiling,
        Double pipelineEventsToCeiling,
        Double ticketsToCeiling,
        List<ProcessSampler.ProcessFigures> processes,
        List<JvmFacts> jvms,
        FirstMinute firstMinute,
        List<Profiler.ProfileSummary> profile) {

    /**
     * @param cpuStallPercent share of the run in which some task waited for a CPU (/proc/pressure/cpu "some"):
     *                        near 100 means the machine was oversubscribed
     * @param stackCpuMillisPerTicket CPU of the stack's processes (not the benchmark) per accepted ticket
     * @param tableStatistics         who kept PostgreSQL's planner statistics up to date during the run
     */
    record Run(double targetRatePerSecond, int concurrency, long warmupSeconds, long durationSeconds,
               long drainSeconds, long drainedAfterMillis, Machine machine, String loadAverageBefore,
               String loadAverageAfter, double cpuStallPercent, double stackCpuMillisPerTicket,
               String tableStatistics) {
    }

    record Http(long sent, long accepted, double acceptedPerSecond, long errors, Map<String, Long> errorsByKind,
                LatencySummary latency) {
    }

    /**
     * @param toPublished receivedAt → the TICKET_LOGGED record's timestamp on tickets.notifications
     * @param toSentAt    receivedAt → the notification's sentAt (the mail server accepted the message)
     */
    record EndToEnd(LatencySummary toPublished, LatencySummary toSentAt, Stages stages) {
    }

    /**
     * The end-to-end latency split by record timestamps: receivedAt → TicketReceived published (intake's
     * outbox relay), → PriorityAssigned published (triage), → TICKET_LOGGED published (notification: both
     * inputs, the mail, its outbox).
     */
    record Stages(LatencySummary intake, LatencySummary triage, LatencySummary notification) {
    }

    /**
     * Accepted tickets that never showed up where they must, and the first SLA event of the others.
     *
     * @param awaitingAgentReview sent to review by triage: logged only once an agent decides, so not counted missing
     */
    record Loss(long accepted, long awaitingAgentReview, long missingTicketReceived, long missingTicketLogged, long missingSlaEvent,
                Map<String, Long> firstSlaEventTypes) {
    }

    /** @param events every record of the accepted tickets on the four watched topics */
    record Pipeline(long events, double windowSeconds, double eventsPerSecond, double eventsPerTicket) {
    }

    /**
     * The run on both sides of its first minute (absent when it lasted no longer): end-to-end latency by the side of
     * each ticket's receivedAt; the tickets logged on each side, and the stack's CPU on each side per ticket logged
     * there (null when the run ended before the CPU was sampled at the minute).
     */
    record FirstMinute(Instant endsAt, LatencySummary endToEndFirstMinute, LatencySummary endToEndAfterwards,
                       long loggedInFirstMinute, long loggedAfterwards, Double stackCpuMillisPerTicketFirstMinute,
                       Double stackCpuMillisPerTicketAfterwards) {
    }

    static final class Builder {
        private final PipelineBench.Settings settings;
        private final Machine machine;
        private final String loadBefore;
        private final String loadAfter;
        private final double stallPct;
        private final String tableStatistics;
        private final LoadGenerator.Outcome outcome;
        private final long drainedAfterMillis;
        private EndToEnd endToEnd;
        private Loss loss;
        private Pipeline pipeline;
        private BrokerCeiling.Result ceiling;
        private List<ProcessSampler.ProcessFigures> processes = List.of();
        private List<JvmFacts> jvms = List.of();
        private FirstMinute firstMinute;
        private List<Profiler.ProfileSummary> profile = List.of();

        Builder(PipelineBench.Settings settings, Machine machine, String loadBefore, String loadAfter, double stallPct,
                String tableStatistics, LoadGenerator.Outcome outcome, long drainedAfterMillis) {
            this.stallPct = stallPct;
            this.tableStatistics = tableStatistics;
            this.settings = settings;
            this.machine = machine;
            this.loadBefore = loadBefore;
            this.loadAfter = loadAfter;
            this.outcome = outcome;
            this.drainedAfterMillis = drainedAfterMillis;
        }

        void endToEnd(LatencySummary toPublished, LatencySummary toSentAt, Stages stages) {
            this.endToEnd = new EndToEnd(toPublished, toSentAt, stages);
        }

        void loss(long inReview, long missingReceived, long missingLogged, long missingClock,
                  Map<String, Long> slaEvents) {
            this.loss = new Loss(outcome.acceptedAtMillis().size(), inReview, missingReceived, missingLogged, missingClock,
                    slaEvents);
        }

        void pipeline(long events, double windowSeconds) {
            long accepted = outcome.acceptedAtMillis().size();
            this.pipeline = new Pipeline(events, windowSeconds, windowSeconds == 0 ? 0 : round(events / windowSeconds),
                    accepted == 0 ? 0 : round(events / (double) accepted));
        }

        void ceiling(BrokerCeiling.Result ceiling) {
            this.ceiling = ceiling;
        }

        void processes(List<ProcessSampler.ProcessFigures> processes) {
            this.processes = processes;
        }

        void jvms(List<JvmFacts> jvms) {
            this.jvms = jvms;
        }

        void firstMinute(FirstMinute firstMinute) {
            this.firstMinute = firstMinute;
        }

        void profile(List<Profiler.ProfileSummary> profile) {
            this.profile = profile;
        }

        PipelineResult build() {
            String mode = settings.ratePerSecond() > 0
                    ? "open loop at " + (long) settings.ratePerSecond() + " tickets/s for " + settings.duration().toSeconds() + " s"
                    : "flat out, " + settings.concurrency() + " in flight, for " + settings.duration().toSeconds() + " s";
            double stackCpu = ProcessSampler.stackCpuSeconds(processes);
            long accepted = outcome.acceptedAtMillis().size();
            Run run = new Run(settings.ratePerSecond(), settings.concurrency(), settings.warmup().toSeconds(),
                    settings.duration().toSeconds(), settings.drain().toSeconds(), drainedAfterMillis, machine,
                    loadBefore, loadAfter, stallPct, accepted == 0 ? 0 : round(stackCpu * 1000 / accepted),
                    tableStatistics);
            Http http = new Http(outcome.sent(), outcome.acceptedAtMillis().size(), round(outcome.acceptedPerSecond()),
                    outcome.errorCount(), outcome.errors(), LatencySummary.ofMicros(outcome.latencyMicros()));
            Double eventRatio = ceiling == null || ceiling.recordsPerSecond() == 0 ? null
                    : round(pipeline.eventsPerSecond() / ceiling.recordsPerSecond() * 1000) / 1000;
            Double ticketRatio = ceiling == null || ceiling.recordsPerSecond() == 0 ? null
                    : round(http.acceptedPerSecond() / ceiling.recordsPerSecond() * 1000) / 1000;
            return new PipelineResult(mode, run, http, endToEnd, loss, pipeline, ceiling, eventRatio, ticketRatio,
                    processes, jvms, firstMinute, profile);
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10d;
        }
    }
}

package io.supportflow.bench;

import io.supportflow.events.Channel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The pipeline benchmark: tickets over HTTP at a rate (or flat out) for a while, then a drain period
 * in which every accepted ticket must reach its TICKET_LOGGED notification and an SLA clock event;
 * then the broker's own ceiling on the same broker.
 */
final class PipelineBench {

    private static final Duration MAINTENANCE_EVERY = Duration.ofSeconds(15);

    private final Stack stack;
    private final Settings settings;
    private final Path results;

    PipelineBench(Stack stack, Settings settings, Path results) {
        this.stack = stack;
        this.settings = settings;
        this.results = results;
    }

    PipelineResult run() throws IOException, InterruptedException {
        Map<String, Long> components = stack.runningComponents();
        if (!components.containsKey("intake")) {
            throw new IllegalStateException("intake-service is not running in " + stack.home()
                    + ": start the stack with 'bin/supportflow up' first");
        }
        log("Emptying the mail server's mailbox at %s...", stack.mailboxUrl());
        Mailbox.empty(stack.mailboxUrl());
        log("Loading the account directory (%s)...", AccountDirectoryLoad.describe(
                AccountDirectoryLoad.load(stack.intakeUrl(), settings.billingKey(), TicketMix.accountDirectoryCsv())));
        ProcessSampler sampler = new ProcessSampler(stack.stateDir());
        Profiler profiler = settings.profile() ? new Profiler(components, results) : null;
        try (PipelineWatcher watcher = new PipelineWatcher(stack.bootstrapServers());
             TableMaintenance maintenance = TableMaintenance.keptUp(stack, MAINTENANCE_EVERY)) {
            warmUp(watcher);
            String loadBefore = ProcessSampler.loadAverage();
            long stallBefore = ProcessSampler.cpuStallMicros();
            if (profiler != null) {
                profiler.start();
            }
            List<JvmFacts> jvms = JvmFacts.of(stack.runningComponents(), Instant.now());
            var before = sampler.sample();
            long started = System.nanoTime();
            FirstMinuteSplit split = new FirstMinuteSplit(sampler::sample, Instant.now(), settings.duration());
            log("Posting tickets to %s %s for %d s...", stack.intakeUrl(),
                    settings.ratePerSecond() > 0 ? "at " + settings.ratePerSecond() + "/s" : "flat out ("
                            + settings.concurrency() + " in flight)", settings.duration().toSeconds());
            LoadGenerator.Outcome outcome = new LoadGenerator(generatorSettings(settings.duration())).run(
                    new TicketMix(settings.seed(), Long.toString(System.currentTimeMillis(), 36)));
            log("Sent %d, accepted %d (%.0f/s), errors %s. Draining for up to %d s...", outcome.sent(),
                    outcome.acceptedAtMillis().size(), outcome.acceptedPerSecond(), outcome.errors(),
                    settings.drain().toSeconds());
            long drainedAfter = drain(watcher, outcome);
            var after = sampler.sample();
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            String loadAfter = ProcessSampler.loadAverage();
            double stallPct = stallBefore < 0 ? -1
                    : Math.round((ProcessSampler.cpuStallMicros() - stallBefore) / 1e4 / wallSeconds * 10) / 10d;
            List<Profiler.ProfileSummary> profile = profiler == null ? List.of() : profiler.stop();
            PipelineResult.Builder result = new PipelineResult.Builder(settings, Machine.current(), loadBefore,
                    loadAfter, stallPct, maintenance.describe(), outcome, drainedAfter);
            summarise(watcher, outcome, result, split);
            split.close();
            result.jvms(jvms);
            result.firstMinute(split.result(before, after));
            result.processes(ProcessSampler.between(before, after, wallSeconds));
            result.profile(profile);
            if (settings.ceilingRecords() > 0) {
                log("Measuring the broker's ceiling: ProducerPerformance, %d records of %d bytes, acks=all...",
                        settings.ceilingRecords(), watcher.averageTicketReceivedBytes());
                result.ceiling(new BrokerCeiling(stack.bootstrapServers(), stack.home())
                        .measure(settings.ceilingRecords(), watcher.averageTicketReceivedBytes(), settings.partitions()));
            }
            PipelineResult built = result.build();
            timeline(watcher, outcome).ifPresent(timeline -> {
                try {
                    Charts.writeTimeline(timeline, "SupportFlow pipeline, " + built.mode(), results.resolve("timeline.png"));
                } catch (IOException e) {
                    log("Could not draw the chart: %s", e.getMessage());
                }
            });
            return built;
        }
    }

    /**
     * The same load for a while before measuring, so that the JIT has compiled the hot paths (in the first
     * minute the compiler threads take a third to a half of a service's CPU) and the pools are filled.
     */
    private void warmUp(PipelineWatcher watcher) throws InterruptedException {
        if (settings.warmup().isZero()) {
            return;
        }
        log("Warming up for %d s (not measured)...", settings.warmup().toSeconds());
        LoadGenerator.Outcome warmup = new LoadGenerator(generatorSettings(settings.warmup())).run(
                new TicketMix(settings.seed() + 1, "warmup" + Long.toString(System.currentTimeMillis(), 36)));
        log("Warm-up: %d accepted, errors %s; waiting for them to pass through...", warmup.acceptedAtMillis().size(),
                warmup.errors());
        drain(watcher, warmup);
    }

    /** Waits until every accepted ticket was logged and clocked; returns how long that took, or -1. */
    private long drain(PipelineWatcher watcher, LoadGenerator.Outcome outcome) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settings.drain().toNanos();
        long lastReport = 0;
        while (true) {
            long missing = missing(watcher, outcome);
            if (missing == 0) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                log("  waiting for %d tickets to be logged and clocked", missing);
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    private static long missing(PipelineWatcher watcher, LoadGenerator.Outcome outcome) {
        return outcome.acceptedAtMillis().keySet().stream().filter(id -> {
            PipelineWatcher.TicketTrace trace = watcher.traces().get(id);
            return trace == null || !trace.complete();
        }).count();
    }

    private static void summarise(PipelineWatcher watcher, LoadGenerator.Outcome outcome, PipelineResult.Builder result,
                                  FirstMinuteSplit split) {
        Histogram published = LatencySummary.newMicrosHistogram();
        Histogram sent = LatencySummary.newMicrosHistogram();
        Histogram intakeHop = LatencySummary.newMicrosHistogram();
        Histogram triageHop = LatencySummary.newMicrosHistogram();
        Histogram notificationHop = LatencySummary.newMicrosHistogram();
        long missingLogged = 0;
        long missingClock = 0;
        long missingReceived = 0;
        long inReview = 0;
        long events = 0;
        long firstReceived = Long.MAX_VALUE;
        long lastLogged = 0;
        Map<String, Long> slaEvents = new TreeMap<>();
        for (String ticketId : outcome.acceptedAtMillis().keySet()) {
            PipelineWatcher.TicketTrace trace = watcher.traces().get(ticketId);
            if (trace == null || trace.receivedAtMillis == 0) {
                missingReceived++;
            }
            if (trace == null) {
                missingLogged++;
                missingClock++;
                continue;
            }
            events += trace.events.get();
            if (trace.reviewRequested) {
                inReview++;
                continue;
            }
            if (!trace.logged()) {
                missingLogged++;
            } else if (trace.receivedAtMillis != 0) {
                LatencySummary.record(published, (trace.loggedRecordMillis - trace.receivedAtMillis) * 1000);
                split.record(trace.receivedAtMillis, trace.loggedRecordMillis);
                LatencySummary.record(sent, (trace.loggedSentAtMillis - trace.receivedAtMillis) * 1000);
                if (trace.receivedRecordMillis != 0 && trace.priorityRecordMillis != 0) {
                    LatencySummary.record(intakeHop, (trace.receivedRecordMillis - trace.receivedAtMillis) * 1000);
                    LatencySummary.record(triageHop, (trace.priorityRecordMillis - trace.receivedRecordMillis) * 1000);
                    LatencySummary.record(notificationHop, (trace.loggedRecordMillis - trace.priorityRecordMillis) * 1000);
                }
                firstReceived = Math.min(firstReceived, trace.receivedAtMillis);
                lastLogged = Math.max(lastLogged, trace.loggedRecordMillis);
            }
            if (!trace.clocked()) {
                missingClock++;
            } else {
                slaEvents.merge(trace.firstSlaEvent.ceType(), 1L, Long::sum);
            }
        }
        double window = lastLogged > firstReceived ? (lastLogged - firstReceived) / 1000d : 0;
        result.endToEnd(LatencySummary.ofMicros(published), LatencySummary.ofMicros(sent),
                new PipelineResult.Stages(LatencySummary.ofMicros(intakeHop), LatencySummary.ofMicros(triageHop),
                        LatencySummary.ofMicros(notificationHop)));
        result.loss(inReview, missingReceived, missingLogged, missingClock, slaEvents);
        result.pipeline(events, window);
    }

    private java.util.Optional<Timeline> timeline(PipelineWatcher watcher, LoadGenerator.Outcome outcome) {
        int seconds = (int) (settings.duration().toSeconds() + settings.drain().toSeconds() + 5);
        Timeline timeline = new Timeline(outcome.startMillis(), seconds);
        outcome.acceptedAtMillis().forEach((ticketId, dueMillis) -> {
            timeline.accepted(dueMillis);
            PipelineWatcher.TicketTrace trace = watcher.traces().get(ticketId);
            if (trace != null && trace.logged()) {
                timeline.logged(trace.loggedRecordMillis);
                if (trace.receivedAtMillis != 0) {
                    timeline.endToEnd(trace.receivedAtMillis, trace.loggedRecordMillis - trace.receivedAtMillis);
                }
            }
        });
        return outcome.acceptedAtMillis().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(timeline);
    }

    private LoadGenerator.Settings generatorSettings(Duration duration) {
        return new LoadGenerator.Settings(URI.create(stack.intakeUrl() + "/api/v1/tickets"), settings.apiKeys(),
                settings.ratePerSecond(), settings.ratePerSecond() > 0 ? settings.maxInFlight() : settings.concurrency(),
                duration, Duration.ofSeconds(30));
    }

    static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    /**
     * @param ratePerSecond  0 for flat out
     * @param concurrency    requests in flight when flat out
     * @param maxInFlight    at a rate: the most requests in flight before sending waits (latency still counts)
     * @param ceilingRecords records for ProducerPerformance; 0 skips the ceiling
     */
    record Settings(double ratePerSecond, int concurrency, int maxInFlight, Duration warmup, Duration duration,
                    Duration drain,
                    long seed, long ceilingRecords, int partitions, boolean profile, Map<Channel, String> apiKeys,
                    String billingKey) {
    }
}

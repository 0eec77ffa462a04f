package io.supportflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A run split after its first minute: on JVMs started just before (the report gives their ages), what users meet
 * right after a release or a restart, apart from the steady state. The processes' CPU is sampled at that instant;
 * each ticket logged counts on the side of its receivedAt (when intake took it), with its end-to-end latency.
 */
final class FirstMinuteSplit implements AutoCloseable {

    private static final Duration FIRST_MINUTE = Duration.ofMinutes(1);

    private final Instant endsAt;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "first-minute-sample");
        thread.setDaemon(true);
        return thread;
    });
    private final Histogram firstMinute = LatencySummary.newMicrosHistogram();
    private final Histogram afterwards = LatencySummary.newMicrosHistogram();
    private volatile Map<String, ProcessSampler.Usage> atEnd;

    FirstMinuteSplit(ProcessSampler sampler, Instant measuredFrom, Duration measuring) {
        Instant end = measuredFrom.plus(FIRST_MINUTE);
        this.endsAt = measuring.compareTo(FIRST_MINUTE) > 0 ? end : null;
        if (endsAt != null) {
            timer.schedule(() -> atEnd = sampler.sample(), Math.max(0, Duration.between(Instant.now(), end).toMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the measurement lasts longer than a minute, so that there is something after it. */
    boolean splits() {
        return endsAt != null;
    }

    void record(long receivedAtMillis, long latencyMicros) {
        if (splits()) {
            LatencySummary.record(receivedAtMillis < endsAt.toEpochMilli() ? firstMinute : afterwards, latencyMicros);
        }
    }

    /** The figures on both sides, or null when the measurement lasted a minute or less. */
    PipelineResult.FirstMinute result(Map<String, ProcessSampler.Usage> before, Map<String, ProcessSampler.Usage> after) {
        if (!splits()) {
            return null;
        }
        Map<String, ProcessSampler.Usage> middle = atEnd == null ? after : atEnd;
        long early = firstMinute.getTotalCount();
        long late = afterwards.getTotalCount();
        return new PipelineResult.FirstMinute(endsAt, LatencySummary.ofMicros(firstMinute),
                LatencySummary.ofMicros(afterwards), early, perTicket(before, middle, early), late,
                perTicket(middle, after, late));
    }

    private static double perTicket(Map<String, ProcessSampler.Usage> from, Map<String, ProcessSampler.Usage> to,
                                    long tickets) {
        double stackCpu = ProcessSampler.between(from, to, 1).stream().filter(p -> !p.process().equals("bench"))
                .mapToDouble(ProcessSampler.ProcessFigures::cpuSeconds).sum();
        return tickets == 0 ? 0 : Math.round(stackCpu * 10_000 / tickets) / 10d;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

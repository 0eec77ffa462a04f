package io.supportflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A run split after its first minute: on JVMs started just before (the report gives their ages), what users meet
 * right after a release or a restart, apart from the steady state. A ticket's end-to-end latency counts on the side
 * of its receivedAt (when intake took it in); the processes' CPU is sampled at the minute and shared among the tickets
 * logged on each side, since a backlog takes in tickets in the first minute that are worked on after it.
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
    private long loggedInFirstMinute;
    private long loggedAfterwards;
    private volatile Map<String, ProcessSampler.Usage> atEnd;

    /** @param sample the CPU so far of each process ({@link ProcessSampler#sample}), taken once the minute is over */
    FirstMinuteSplit(Supplier<Map<String, ProcessSampler.Usage>> sample, Instant measuredFrom, Duration measuring) {
        Instant end = measuredFrom.plus(FIRST_MINUTE);
        this.endsAt = measuring.compareTo(FIRST_MINUTE) > 0 ? end : null;
        if (endsAt != null) {
            timer.schedule(() -> atEnd = sample.get(), Math.max(0, Duration.between(Instant.now(), end).toMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the measurement lasts longer than a minute, so that there is something after it. */
    boolean splits() {
        return endsAt != null;
    }

    void record(long receivedAtMillis, long loggedAtMillis) {
        if (!splits()) {
            return;
        }
        long end = endsAt.toEpochMilli();
        LatencySummary.record(receivedAtMillis < end ? firstMinute : afterwards,
                (loggedAtMillis - receivedAtMillis) * 1000);
        if (loggedAtMillis < end) {
            loggedInFirstMinute++;
        } else {
            loggedAfterwards++;
        }
    }

    /** Whether the CPU was sampled at the minute (only then are the two sides' CPU figures known). */
    boolean sampledAtTheMinute() {
        return atEnd != null;
    }

    /**
     * The figures on both sides, or null when the measurement lasted a minute or less; the CPU figures are null when
     * the run ended before the sample at the minute.
     */
    PipelineResult.FirstMinute result(Map<String, ProcessSampler.Usage> before, Map<String, ProcessSampler.Usage> after) {
        if (!splits()) {
            return null;
        }
        Map<String, ProcessSampler.Usage> middle = atEnd;
        return new PipelineResult.FirstMinute(endsAt, LatencySummary.ofMicros(firstMinute),
                LatencySummary.ofMicros(afterwards), loggedInFirstMinute, loggedAfterwards,
                middle == null ? null : perTicket(before, middle, loggedInFirstMinute),
                middle == null ? null : perTicket(middle, after, loggedAfterwards));
    }

    private static double perTicket(Map<String, ProcessSampler.Usage> from, Map<String, ProcessSampler.Usage> to,
                                    long tickets) {
        double stackCpu = ProcessSampler.stackCpuSeconds(ProcessSampler.between(from, to, 1));
        return tickets == 0 ? 0 : Math.round(stackCpu * 10_000 / tickets) / 10d;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

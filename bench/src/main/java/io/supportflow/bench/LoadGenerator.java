package io.supportflow.bench;

import io.supportflow.events.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Posts tickets to intake as the channel adapters do. At a target rate it runs open-loop: each request
 * has a due time and its latency counts from then, so a slow answer delays nothing and hides nothing.
 * Flat out ({@code rate = 0}) it keeps {@code concurrency} requests in flight and counts from the send.
 */
final class LoadGenerator {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");

    private final Settings settings;
    private final HttpClient http;
    private final ExecutorService responses = Executors.newFixedThreadPool(2, daemon("bench-http"));
    private final Histogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final ConcurrentMap<String, Long> acceptedAtMillis = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    LoadGenerator(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(responses)
                .build();
    }

    /** Runs for the configured duration, waits for the answers still in flight, and returns what happened. */
    Outcome run(TicketMix mix) throws InterruptedException {
        int permits = settings.maxInFlight();
        Semaphore inFlight = new Semaphore(permits);
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        long startMillis = System.currentTimeMillis();
        if (settings.ratePerSecond() > 0) {
            OpenLoopSchedule schedule = new OpenLoopSchedule(start, settings.ratePerSecond());
            for (long i = 0; ; i++) {
                long due = schedule.dueNanos(i);
                if (due >= end) {
                    break;
                }
                parkUntil(due);
                inFlight.acquire();
                post(mix.next(), due, inFlight);
            }
        } else {
            while (System.nanoTime() < end) {
                inFlight.acquire();
                post(mix.next(), System.nanoTime(), inFlight);
            }
        }
        long sendingEnded = System.nanoTime();
        if (!inFlight.tryAcquire(permits, settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
            errors.computeIfAbsent("unanswered", k -> new AtomicLong()).addAndGet(permits - inFlight.availablePermits());
        }
        responses.shutdown();
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.get()));
        return new Outcome(sent.get(), Map.copyOf(acceptedAtMillis), errorCounts, latencyMicros.copy(),
                startMillis, (sendingEnded - start) / 1_000_000);
    }

    private void post(TicketMix.TicketPost ticket, long dueNanos, Semaphore inFlight) {
        HttpRequest request = HttpRequest.newBuilder(settings.ticketsUri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("X-Api-Key", settings.apiKeys().get(ticket.channel()))
                .POST(HttpRequest.BodyPublishers.ofString(ticket.json()))
                .build();
        sent.incrementAndGet();
        long dueMillis = System.currentTimeMillis() - (System.nanoTime() - dueNanos) / 1_000_000;
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            LatencySummary.record(latencyMicros, (System.nanoTime() - dueNanos) / 1000);
            try {
                if (failure != null) {
                    count(failureKind(failure));
                } else if (response.statusCode() == 202) {
                    Matcher id = TICKET_ID.matcher(response.body());
                    if (id.find()) {
                        acceptedAtMillis.put(id.group(1), dueMillis);
                    } else {
                        count("202 without ticketId");
                    }
                } else {
                    count("HTTP " + response.statusCode());
                }
            } finally {
                inFlight.release();
            }
        });
    }

    /** The client's own failure, not the CompletionException it comes wrapped in: a timeout, a refused connection... */
    private static String failureKind(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    private void count(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static void parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * @param ratePerSecond target rate, or 0 for flat out
     * @param maxInFlight   requests in flight at most (flat out: exactly that many)
     */
    record Settings(URI ticketsUri, Map<Channel, String> apiKeys, double ratePerSecond, int maxInFlight,
                    Duration duration, Duration requestTimeout) {
    }

    /**
     * @param acceptedAtMillis ticketId of every 202 answer, with the wall-clock time its request was due
     * @param errors           count per kind (HTTP status or exception)
     * @param sendingMillis    how long requests were being sent
     */
    record Outcome(long sent, Map<String, Long> acceptedAtMillis, Map<String, Long> errors, Histogram latencyMicros,
                   long startMillis, long sendingMillis) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double acceptedPerSecond() {
            return sendingMillis == 0 ? 0 : acceptedAtMillis.size() * 1000d / sendingMillis;
        }
    }
}

package io.supportflow.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel adapter posting a steady stream of tickets, as one would: a ticket that gets no 202
 * (intake down, 503, 429) is posted again with the same externalRef until it does. Only a 202
 * makes a ticket "accepted" — the promise under test is that every one of those goes through.
 * With several intake instances it posts to each in turn, as a load balancer would, and a retry
 * goes to the next one.
 */
final class TicketLoad implements AutoCloseable {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> PLANS = List.of("FREE", "PRO", "BUSINESS", "ENTERPRISE");
    private static final List<String> IMPACTS = List.of("SERVICE_DOWN", "SEVERELY_IMPAIRED", "IMPAIRED", "MINIMAL");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
    private final List<String> ticketsUrls;
    private final String run;
    private final Map<String, String> acceptedEmails = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private int next;
    private String pendingBody;

    TicketLoad(List<String> intakeUrls, String run) {
        this.ticketsUrls = intakeUrls.stream().map(url -> url + "/api/v1/tickets").toList();
        this.run = run;
    }

    /** Posts one ticket (or retries the pending one) every {@code interval}. */
    TicketLoad start(Duration interval) {
        poster.scheduleWithFixedDelay(this::postOne, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void postOne() {
        if (pendingBody == null) {
            pendingBody = ticket(next++);
        }
        String ticketsUrl = ticketsUrls.get(attempts.getAndIncrement() % ticketsUrls.size());
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ticketsUrl))
                    .timeout(Duration.ofSeconds(15))
                    .header("X-Api-Key", "dev-web-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(pendingBody)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                Matcher id = TICKET_ID.matcher(answer.body());
                if (id.find()) {
                    acceptedEmails.put(id.group(1), emailOf(next - 1));
                    pendingBody = null;
                    return;
                }
            }
            // Not accepted (intake or the broker down): the next tick posts the same ticket again.
        } catch (IOException e) {
            // Intake unreachable: the next tick posts the same ticket again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String ticket(int n) {
        return """
                {"externalRef":"%s-%d","plan":"%s","customer":{"accountId":"LOAD-%d","name":"Load Customer %d",
                 "email":"%s","locale":"%s"},"subject":"Load ticket %d","description":"Steady load while faults happen.",
                 "impact":"%s","workaround":"PARTIAL"}""".formatted(run, n, PLANS.get(n % PLANS.size()), n, n, emailOf(n),
                n % 2 == 0 ? "en" : "de", n, IMPACTS.get(n % IMPACTS.size()));
    }

    private String emailOf(int n) {
        return run + "-" + n + "@load.example.com";
    }

    /** Accepted ticket ids with the customer's email address. */
    Map<String, String> accepted() {
        return Map.copyOf(acceptedEmails);
    }

    int attempts() {
        return attempts.get();
    }

    /** Stops posting once the ticket in flight is accepted, so no post is left half-done. */
    void stop() {
        poster.shutdown();
        try {
            poster.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}

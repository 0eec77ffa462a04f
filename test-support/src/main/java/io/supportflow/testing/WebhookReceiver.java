package io.supportflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server in the test JVM standing in for the webhooks' receivers: {@code /hooks/<name>} for each
 * webhook name, every request kept, answered 200 unless a test scripted other answers for that name.
 * Started once per JVM, on a free port, before the application (or the stack) whose configuration points at it.
 */
public final class WebhookReceiver {

    /** One POST as it arrived. */
    public record Delivery(String webhook, Map<String, String> headers, String body, Instant receivedAt) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** What a receiver checks: the signature is the one the secret gives for this timestamp and this body. */
        public boolean verifiesWith(String secret) {
            return verifies(secret, header("X-SupportFlow-Timestamp"), body, header("X-SupportFlow-Signature"));
        }
    }

    /**
     * A receiver's check, written here from the README's description rather than with the service's class:
     * {@code sha256=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>}, compared in constant time.
     */
    public static boolean verifies(String secret, String timestamp, String body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookReceiver shared;

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> standing = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/", this::handle);
        // Several at once: a held request must not keep the others waiting.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized WebhookReceiver shared() {
        if (shared == null) {
            shared = new WebhookReceiver();
        }
        return shared;
    }

    public String url(String webhook) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + webhook;
    }

    /** The next answers to {@code webhook}'s requests, one each; after them, its standing answer. */
    public void answerNext(String webhook, Integer... statuses) {
        scripted.computeIfAbsent(webhook, name -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    public void answerAlways(String webhook, int status) {
        standing.put(webhook, status);
    }

    /** {@code webhook}'s requests get no answer until {@link #release}: a receiver too slow for the timeout. */
    public void hold(String webhook) {
        held.put(webhook, new CountDownLatch(1));
    }

    public void release(String webhook) {
        CountDownLatch latch = held.remove(webhook);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** What {@code webhook} received about {@code ticketId}, oldest first. */
    public List<Delivery> deliveries(String webhook, String ticketId) {
        return deliveries.stream()
                .filter(delivery -> delivery.webhook().equals(webhook) && delivery.body().contains(ticketId))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String webhook = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            deliveries.add(new Delivery(webhook, Map.copyOf(headers), body, Instant.now()));
            awaitRelease(webhook);
            exchange.sendResponseHeaders(answerFor(webhook), -1);
        }
    }

    private int answerFor(String webhook) {
        Integer next = scripted.getOrDefault(webhook, new ConcurrentLinkedDeque<>()).poll();
        return next != null ? next : standing.getOrDefault(webhook, 200);
    }

    private void awaitRelease(String webhook) {
        CountDownLatch latch = held.get(webhook);
        if (latch == null) {
            return;
        }
        try {
            latch.await(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

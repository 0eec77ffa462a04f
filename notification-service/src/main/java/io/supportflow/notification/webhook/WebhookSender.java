package io.supportflow.notification.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.Undeliverable;
import io.supportflow.notification.domain.WebhookSignature;
import io.supportflow.notification.repository.NotificationEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * POSTs a stored webhook delivery to the URL configured under its name, signed with that webhook's secret; a 2xx
 * is delivered, anything else (another status, no answer within the timeout, no connection) is refused and left
 * to the dispatcher's retries. The JDK's HTTP client sends it: {@code sendAsync} starts the request and hands back
 * the CompletableFuture the dispatcher waits for beside its mails, it completes on the client's own threads (no
 * Vert.x context to propagate a transaction onto), and it needs no dependency. Neither URL nor secret is logged
 * or put into an error: a URL may carry a token.
 */
@ApplicationScoped
public class WebhookSender {

    static final String ID = "X-SupportFlow-Id";
    static final String TIMESTAMP = "X-SupportFlow-Timestamp";
    static final String SIGNATURE = "X-SupportFlow-Signature";

    private final Map<String, NotificationConfig.Webhook> webhooks;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(NotificationConfig config, Clock clock) {
        this.webhooks = config.webhooks();
        this.timeout = config.delivery().webhookTimeout();
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade offered to receivers that may not expect one. A redirect is not followed with
        // a signed body to wherever it points: it is not a 2xx, so the attempt is refused.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** How long a webhook has to connect and answer. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Starts the POST; completes with the time the 2xx came, in the database's precision. A name no
     * configuration knows fails with {@link Undeliverable}: retrying cannot help.
     */
    public CompletableFuture<Instant> send(NotificationEntity notification) {
        String name = notification.recipients;
        NotificationConfig.Webhook webhook = webhooks.get(name);
        if (webhook == null) {
            return CompletableFuture.failedFuture(new Undeliverable("No webhook named '" + name
                    + "' is configured (supportflow.notification.webhooks." + name + ".url and .secret)"));
        }
        if (!List.of("http", "https").contains(String.valueOf(webhook.url().getScheme()).toLowerCase(Locale.ROOT))) {
            return CompletableFuture.failedFuture(new Undeliverable("Webhook '" + name
                    + "' has no http or https URL (supportflow.notification.webhooks." + name + ".url)"));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(ID, notification.messageId)
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.of(webhook.secret(), timestamp, notification.webhookBody))
                .POST(HttpRequest.BodyPublishers.ofString(notification.webhookBody, StandardCharsets.UTF_8))
                .build();
        // The request's timeout covers the answer's headers; this one also a body that never ends.
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw refused(name, failure);
                    }
                    return acceptedAt(name, response.statusCode());
                });
    }

    private Instant acceptedAt(String name, int status) {
        if (status < 200 || status > 299) {
            throw new WebhookRefused("Webhook " + name + " answered HTTP " + status);
        }
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private WebhookRefused refused(String name, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new WebhookRefused("Webhook " + name + " did not answer within " + timeout.toMillis() + " ms");
        }
        return new WebhookRefused("Webhook " + name + " could not be reached: " + cause, cause);
    }

    /** A webhook did not take a delivery; the message names the webhook and why, never its URL. */
    static final class WebhookRefused extends IllegalStateException {

        WebhookRefused(String message) {
            super(message);
        }

        WebhookRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

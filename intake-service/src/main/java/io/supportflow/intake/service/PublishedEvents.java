package io.supportflow.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.runtime.messaging.OutboxConfig;
import io.supportflow.runtime.messaging.OutboxPublished;
import io.supportflow.runtime.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets a caller wait until the broker has acknowledged an outbox event. This instance's relay reports what
 * it published; while anyone waits, the outbox is also looked at now and then, because another instance may
 * hold the relay lock and publish the event instead.
 */
@ApplicationScoped
public class PublishedEvents {

    private static final String LOOP = "published-elsewhere";
    /** A caller may ask just after the event went out; this many of the last ids published are remembered. */
    private static final int RECENTLY_PUBLISHED_KEPT = 20_000;
    private static final String NO_LONGER_UNSENT = """
            SELECT id FROM unnest(?::varchar[]) AS id
            WHERE NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.event_id = id AND o.sent_at IS NULL)""";
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
    private final RecentIds recentlyPublished = new RecentIds(RECENTLY_PUBLISHED_KEPT);
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final AgroalDataSource dataSource;
    private volatile BackgroundLoop publishedElsewhereCheck = BackgroundLoop.disabled(LOOP);

    PublishedEvents(OutboxRelay relay, OutboxConfig config, AgroalDataSource dataSource) {
        this.relay = relay;
        this.config = config;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        publishedElsewhereCheck = BackgroundLoop.start(new BackgroundLoop.Settings(LOOP, 1,
                config.pollInterval().multipliedBy(4), PAUSE_AFTER_FAILURE, SHUTDOWN_WAIT),
                this::completeWaitersPublishedElsewhere);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        publishedElsewhereCheck.stop();
    }

    /**
     * Completes with true once the broker has acknowledged the event, with false when {@code timeout}
     * passed first. The event must be committed to the outbox already: an id the outbox no longer holds
     * counts as published, because only published events are removed.
     */
    public CompletionStage<Boolean> whenPublished(String eventId, Duration timeout) {
        CompletableFuture<Void> published = waiters.computeIfAbsent(eventId, id -> new CompletableFuture<>());
        if (recentlyPublished.contains(eventId)) {
            published.complete(null);
        }
        relay.wake();
        return published.thenApply(done -> true)
                .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, failure) -> waiters.remove(eventId, published));
    }

    void publishedHere(@Observes OutboxPublished published) {
        published.eventIds().forEach(this::published);
    }

    private void published(String eventId) {
        recentlyPublished.add(eventId);
        CompletableFuture<Void> waiter = waiters.get(eventId);
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    private BackgroundLoop.Outcome completeWaitersPublishedElsewhere() throws Exception {
        if (waiters.isEmpty()) {
            return BackgroundLoop.Outcome.IDLE;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(NO_LONGER_UNSENT)) {
            select.setArray(1, connection.createArrayOf("varchar", waiters.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    published(rows.getString(1));
                }
            }
        }
        return BackgroundLoop.Outcome.IDLE;
    }
}

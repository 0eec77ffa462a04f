package io.supportflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Topics;
import io.supportflow.intake.service.PublishedEvents;
import io.supportflow.runtime.messaging.OutboxPublished;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * A submission waits for its TicketReceived to be published; when another instance's relay published it,
 * or it went out so long ago that the outbox no longer holds it, the outbox says so and the wait ends; when this
 * instance's relay published it just before the wait began, the wait ends at once.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class PublicationWaitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    PublishedEvents publishedEvents;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<OutboxPublished> relayReport;

    @Test
    void anEventAnotherInstancePublishedEndsTheWaitWellBeforeTheTimeout() throws Exception {
        String eventId = UUID.randomUUID().toString();
        insertSentOutboxRow(eventId);
        long start = System.nanoTime();

        Boolean published = publishedEvents.whenPublished(eventId, TIMEOUT).toCompletableFuture()
                .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(published).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    }

    @Test
    void anEventTheOutboxNoLongerHoldsCountsAsPublished() throws Exception {
        Boolean published = publishedEvents.whenPublished(UUID.randomUUID().toString(), TIMEOUT).toCompletableFuture()
                .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(published).isTrue();
    }

    @Test
    void anEventPublishedHereJustBeforeTheWaitBeganEndsItAtOnce() {
        String eventId = UUID.randomUUID().toString();
        relayReport.fire(new OutboxPublished(List.of(eventId)));

        assertThat(publishedEvents.whenPublished(eventId, TIMEOUT).toCompletableFuture()).isCompletedWithValue(true);
    }

    private void insertSentOutboxRow(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO outbox_event (event_id, event_type, topic, record_key, source, event_time, payload, sent_at)
                     VALUES (?, 'test.published-elsewhere', ?, ?, '/supportflow/test', now(), '{}', now())""")) {
            insert.setString(1, eventId);
            insert.setString(2, Topics.TICKETS_RECEIVED);
            insert.setString(3, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
    }
}

package io.supportflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.Workaround;
import io.supportflow.runtime.messaging.ConsumerRetryConfig;
import io.supportflow.testing.DatabaseOutage;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.Tickets;

/** A record whose handler fails because the database is away is retried, not dead-lettered. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class TransientFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    ConsumerRetryConfig retry;

    @Test
    void theConnectorWaitsForARecordLongerThanTheLongestRetryBudget() {
        Duration maxAge = Duration.ofMillis(ConfigProvider.getConfig().getValue(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Long.class));

        // Past the max age the connector reports the channel stuck: an outage must be logged as one first.
        assertThat(maxAge).isGreaterThan(retry.databaseAwayBudget().plus(retry.maxBackoff()));
    }

    @Test
    void aTicketArrivingWhileTheDatabaseIsAwayIsTriagedOnceItIsBackAndNotDeadLettered() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        TicketReceived ticket = Tickets.ticket(Plan.PRO, "Cannot log in", "Login fails for everyone.", null,
                Impact.SERVICE_DOWN, Workaround.NONE, Instant.now());

        try (TopicReader topics = TopicReader.fromNow(bootstrap, Topics.TICKETS_PRIORITY, Topics.TICKETS_RECEIVED + ".dlq");
             TopicWriter writer = new TopicWriter(bootstrap);
             LogCapture log = LogCapture.start()) {
            try (DatabaseOutage outage = DatabaseOutage.begin(database)) {
                writer.publish(Tickets.envelope(ticket));
                Awaitility.await("the handler failed twice and is retrying").atMost(WAIT)
                        .until(() -> log.text().contains("for triage-service/tickets-received failed (attempt 2)"));
            }

            topics.awaitRecord(EventType.PRIORITY_ASSIGNED, ticket.ticketId(), WAIT);
            assertThat(topics.records(r -> r.topic().endsWith(".dlq"))).isEmpty();
            assertThat(topics.events(EventType.PRIORITY_ASSIGNED, ticket.ticketId())).hasSize(1);
        }
    }
}

package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.slaBreached;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.testing.ProcessedEventRows;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * Up to V5 each topic had a consumer of its own, {@code notification-service/<channel>}; V6 keeps what they
 * recorded under the two consumers that replaced them, so an event processed before the upgrade is skipped when
 * it is delivered again. The test database is past V6 already: the old rows are written and V6 runs again.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConsumerNamesUpgradeTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String V6 = "db/migration/V6__one_consumer_per_policy_need.sql";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventBatches batches;

    @Test
    void eventsProcessedUnderTheOldConsumerNamesAreStillSkipped() {
        String ticketId = newTicketId();
        String surveyedBefore = uniqueAddress("surveyed-before");
        EventEnvelope surveyBefore = surveyRequested(ticketId, surveyedBefore, "en",
                "https://survey.supportflow.example/s/before");
        EventEnvelope decided = priorityAssigned(ticketId, Priority.P2, null);
        EventEnvelope breached = slaBreached(ticketId, Plan.PRO, Priority.P2, Duration.ofHours(4), Duration.ofMinutes(1));
        ProcessedEventRows.record(dataSource, "notification-service/surveys-requested", surveyBefore.id());
        ProcessedEventRows.record(dataSource, "notification-service/tickets-priority", decided.id());
        ProcessedEventRows.record(dataSource, "notification-service/sla-breaches", breached.id());

        ProcessedEventRows.runAgain(dataSource, V6);

        assertThat(ProcessedEventRows.consumersOf(dataSource, surveyBefore.id()))
                .containsExactly(batches.consumerName("sla-and-survey-events"));
        assertThat(ProcessedEventRows.consumersOf(dataSource, breached.id()))
                .containsExactly(batches.consumerName("sla-and-survey-events"));
        assertThat(ProcessedEventRows.consumersOf(dataSource, decided.id()))
                .containsExactly(batches.consumerName("ticket-events"));

        // The redelivery is followed on its ticket's partition by a fresh request: once that one is mailed, the
        // redelivered one has been consumed, and skipped.
        String surveyedAfter = uniqueAddress("surveyed-after");
        publish(surveyBefore);
        publish(surveyRequested(ticketId, surveyedAfter, "en", "https://survey.supportflow.example/s/after"));
        Mailbox.awaitOne(surveyedAfter, WAIT);
        assertThat(Mailbox.to(surveyedBefore)).isEmpty();
    }
}

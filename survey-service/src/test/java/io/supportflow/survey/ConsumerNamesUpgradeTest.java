package io.supportflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Topics;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.testing.ProcessedEventRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import jakarta.inject.Inject;

/**
 * Up to V2 each topic had a consumer of its own, {@code survey-service/<channel>}; V3 keeps what they recorded
 * under the one consumer that replaced them, so an event processed before the upgrade is skipped when it is
 * delivered again. The test database is past V3 already: the old rows are written and V3 runs again.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class ConsumerNamesUpgradeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String V3 = "db/migration/V3__one_consumer_for_ticket_events.sql";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventBatches batches;

    @TopicClients.Reads(Topics.SURVEYS_REQUESTED)
    private TopicReader requested;
    private TopicWriter writer;

    @Test
    void aResolutionProcessedUnderTheOldConsumerNameOpensNoSecondSurvey() {
        Tickets ticket = Tickets.any();
        Instant at = Tickets.now();
        EventEnvelope received = ticket.received("Upgraded", "en");
        EventEnvelope resolvedBefore = ticket.resolved(at);
        ProcessedEventRows.record(dataSource, "survey-service/tickets-received", received.id());
        ProcessedEventRows.record(dataSource, "survey-service/tickets-lifecycle", resolvedBefore.id());

        ProcessedEventRows.runAgain(dataSource, V3);

        assertThat(ProcessedEventRows.consumersOf(dataSource, resolvedBefore.id()))
                .containsExactly(batches.consumerName("ticket-events"));
        assertThat(ProcessedEventRows.consumersOf(dataSource, received.id()))
                .containsExactly(batches.consumerName("ticket-events"));

        // The ticket arrives (under a new id, so it is applied), then the resolution recorded before the upgrade
        // and a later one: once the later one's survey is out, the earlier one has been consumed and skipped.
        EventEnvelope resolvedAfter = ticket.resolved(at.plusSeconds(60));
        writer.publish(ticket.received("Upgraded", "en"));
        writer.publish(resolvedBefore);
        writer.publish(resolvedAfter);
        Awaitility.await("the later resolution's survey").atMost(WAIT)
                .until(() -> surveyEventIds(ticket).contains(surveyEventId(resolvedAfter)));
        assertThat(surveyEventIds(ticket)).containsExactly(surveyEventId(resolvedAfter));
    }

    private static String surveyEventId(EventEnvelope resolved) {
        return DeterministicIds.eventId(resolved.id(), "survey-requested");
    }

    private List<String> surveyEventIds(Tickets ticket) {
        return requested.records(record -> ticket.ticketId().equals(record.key())).stream()
                .map(record -> record.header("ce_id")).toList();
    }
}

package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.testing.ProcessedEventRows;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * Before V6 the clock consumers recorded processed ids as {@code sla-service} and the survey consumer as
 * {@code sla-service-satisfaction}; from V6 to V10 each clock topic had a consumer of its own,
 * {@code sla-service/<topic's channel>}, and V11 merged them and the survey consumer into
 * {@code sla-service/ticket-events}. After the
 * upgrades an event recorded under any of the old names is still skipped when it is delivered again. The test
 * database is already past V11, so the old rows are written and the upgrades run again.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConsumerNamesUpgradeTest extends SlaTestBase {

    private static final String[] UPGRADES = {"db/migration/V6__consumer_per_channel.sql",
            "db/migration/V11__one_consumer_per_group.sql"};

    @Inject
    EventBatches batches;

    @Test
    void eventsProcessedUnderTheOldConsumerNamesAreStillSkippedOnTheirChannels() throws Exception {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        EventEnvelope decidedBefore = ticket.assigned(Priority.P1, start.plusSeconds(5));
        EventEnvelope answeredBefore = answer(ticket, start.plus(Duration.ofHours(2)));
        EventEnvelope acknowledgedBefore = ticket.acknowledged(start.plusSeconds(20));
        recordProcessed("sla-service", decidedBefore.id());
        recordProcessed("sla-service-satisfaction", answeredBefore.id());
        recordProcessed("sla-service/tickets-lifecycle", acknowledgedBefore.id());

        upgrade();

        assertThat(consumersOf(decidedBefore.id())).containsExactly(batches.consumerName("ticket-events"));
        assertThat(consumersOf(acknowledgedBefore.id())).containsExactly(batches.consumerName("ticket-events"));
        assertThat(consumersOf(answeredBefore.id())).containsExactly(batches.consumerName("ticket-events"));
        // Each redelivery is followed, on its ticket's partition, by a fresh event: once that one is applied, the
        // redelivered one was skipped or applied too.
        EventEnvelope decidedAfter = ticket.assigned(Priority.P2, start.plusSeconds(10));
        EventEnvelope answeredAfter = answer(ticket, start.plus(Duration.ofHours(3)));
        publish(decidedBefore, answeredBefore);
        publishAndAwait(decidedAfter);
        publishAndAwait(answeredAfter);
        assertThat(column("SELECT event_id FROM sla_priority_change WHERE ticket_id = ?", ticket.ticketId()))
                .containsExactly(decidedAfter.id());
        assertThat(column("SELECT survey_id FROM sla_satisfaction WHERE ticket_id = ?", ticket.ticketId()))
                .containsExactly(((SurveyCompleted) answeredAfter.event()).surveyId());
    }

    private static EventEnvelope answer(Tickets ticket, Instant at) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/survey-service", at,
                new SurveyCompleted(ticket.ticketId(), UUID.randomUUID().toString(), 4, "Thanks", at));
    }

    private void recordProcessed(String consumer, String eventId) {
        ProcessedEventRows.record(dataSource, consumer, eventId);
    }

    private void upgrade() {
        ProcessedEventRows.runAgain(dataSource, UPGRADES);
    }

    private List<String> consumersOf(String eventId) {
        return ProcessedEventRows.consumersOf(dataSource, eventId);
    }

    private List<String> column(String query, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}

package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * Before V6 the clock consumers recorded processed ids as {@code sla-service} and the survey consumer as
 * {@code sla-service-satisfaction}: after the upgrade an event recorded under those names is still skipped when
 * it is delivered again. The test database is already past V6, so the old rows are written and V6 run again.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConsumerNamesUpgradeTest extends SlaTestBase {

    private static final String V6 = "db/migration/V6__consumer_per_channel.sql";

    @Inject
    EventBatches batches;

    @Test
    void eventsProcessedUnderTheOldConsumerNamesAreStillSkippedOnTheirChannels() throws Exception {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        EventEnvelope decidedBefore = ticket.assigned(Priority.P1, start.plusSeconds(5));
        EventEnvelope answeredBefore = answer(ticket, start.plus(Duration.ofHours(2)));
        recordProcessed("sla-service", decidedBefore.id());
        recordProcessed("sla-service-satisfaction", answeredBefore.id());

        upgrade();

        assertThat(consumersOf(decidedBefore.id())).containsExactlyInAnyOrder(batches.consumerName("tickets-received"),
                batches.consumerName("tickets-priority"), batches.consumerName("tickets-notifications"));
        assertThat(consumersOf(answeredBefore.id())).containsExactly(batches.consumerName("surveys-responses"));
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

    private void recordProcessed(String consumer, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.executeUpdate();
        }
    }

    private void upgrade() throws SQLException, IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(V6)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    private List<String> consumersOf(String eventId) throws SQLException {
        return column("SELECT consumer FROM processed_event WHERE event_id = ?", eventId);
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

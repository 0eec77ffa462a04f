package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.slaBreached;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.service.SlaBreachAlerter;
import io.supportflow.notification.service.SurveyNotifier;
import io.supportflow.notification.service.TicketLoggedNotifier;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.testing.SqlStatements;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * A consumer's batch costs the same statements whatever number of tickets it carries: the batch's rows are
 * created, locked and loaded at its start, its events are applied in memory, and the commit writes the
 * changes as JDBC batches (up to quarkus.hibernate-orm.jdbc.statement-batch-size rows each). Each batch is
 * applied as its consumer applies it, in a transaction of its own.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class BatchStatementsTest {

    private static final int MANY = 40;

    @Inject
    EventBatches batches;
    @Inject
    TicketLoggedNotifier ticketLogged;
    @Inject
    SurveyNotifier surveys;
    @Inject
    SlaBreachAlerter alerter;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void aBatchOfFortyTicketsCostsAsManyStatementsAsABatchOfOne() {
        Map<String, Integer> forOne = statementsOfBatches(1);

        assertThat(statementsOfBatches(MANY)).isEqualTo(forOne);
        assertThat(forOne.values()).allSatisfy(count -> assertThat(count).isBetween(1, 5));
    }

    /** The statements of one batch per consumer, each batch with {@code tickets} tickets, by event type. */
    private Map<String, Integer> statementsOfBatches(int tickets) {
        List<String> ticketIds = new ArrayList<>();
        List<EventEnvelope> received = new ArrayList<>();
        List<EventEnvelope> prioritised = new ArrayList<>();
        List<EventEnvelope> surveysRequested = new ArrayList<>();
        List<EventEnvelope> breaches = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            String ticketId = newTicketId();
            String address = uniqueAddress("counted" + i);
            ticketIds.add(ticketId);
            received.add(ticketReceived(ticketId, Plan.PRO, "Count Ed", address, "en", "Counted"));
            prioritised.add(priorityAssigned(ticketId, Priority.P2, null));
            surveysRequested.add(surveyRequested(ticketId, address, "en", "https://survey.supportflow.example/s/counted"));
            breaches.add(slaBreached(ticketId, Plan.PRO, Priority.P2, Duration.ofHours(4), Duration.ofMinutes(1)));
        }
        Map<String, Integer> statements = new LinkedHashMap<>();
        statements.put("TicketReceived", inOneTransaction("ticket-events", received, ticketLogged));
        statements.put("PriorityAssigned", inOneTransaction("ticket-events", prioritised, ticketLogged));
        statements.put("SurveyRequested", inOneTransaction("sla-and-survey-events", surveysRequested, surveys));
        statements.put("SlaBreached", inOneTransaction("sla-and-survey-events", breaches, alerter));

        assertThat(QuarkusTransaction.requiringNew().call(() ->
                NotificationEntity.<NotificationEntity>list("ticketId in ?1", ticketIds)))
                .extracting(row -> row.kind).hasSize(3 * tickets)
                .containsOnly(NotificationKind.TICKET_LOGGED, NotificationKind.SURVEY,
                        NotificationKind.SLA_BREACH_ALERT);
        return statements;
    }

    private int inOneTransaction(String channel, List<EventEnvelope> batch, BatchHandler<?> handler) {
        return SqlStatements.preparedDuring(() -> QuarkusTransaction.requiringNew()
                .run(() -> batches.applyWithin(channel, batch, Map.of(), handler))).size();
    }
}

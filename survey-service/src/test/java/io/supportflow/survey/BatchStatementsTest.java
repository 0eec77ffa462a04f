package io.supportflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Priority;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.survey.repository.PendingResolutionEntity;
import io.supportflow.survey.repository.SurveyEntity;
import io.supportflow.survey.service.SurveyRequests;
import io.supportflow.testing.SqlStatements;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * A consumer's batch costs the same statements whatever number of tickets it carries: the batch's rows are
 * created, locked and loaded at its start, its events are applied in memory, and the commit writes the
 * changes as JDBC batches (up to quarkus.hibernate-orm.jdbc.statement-batch-size rows each; the outbox
 * writes its events in one more). Each batch is applied as its consumer applies it, in a transaction of its
 * own.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class BatchStatementsTest {

    private static final int MANY = 40;

    @Inject
    EventBatches batches;
    @Inject
    SurveyRequests surveys;

    @Test
    void aBatchOfFortyTicketsCostsAsManyStatementsAsABatchOfOne() {
        Map<String, Integer> forOne = statementsOfBatches(1);

        assertThat(statementsOfBatches(MANY)).isEqualTo(forOne);
        assertThat(forOne.values()).allSatisfy(count -> assertThat(count).isBetween(1, 6));
    }

    /**
     * The statements of a batch of each kind with {@code count} tickets: priorities and resolutions of tickets
     * not received yet, the tickets (opening the waiting surveys), then resolutions of received tickets.
     */
    private Map<String, Integer> statementsOfBatches(int count) {
        List<Tickets> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(Tickets.any());
        }
        Map<String, Integer> statements = new LinkedHashMap<>();
        statements.put("PriorityAssigned", statementsOf("ticket-events", tickets.stream()
                .map(ticket -> ticket.priority(Priority.P2, Tickets.now())).toList()));
        statements.put("TicketResolved before its ticket", statementsOf("ticket-events", resolutions(tickets)));
        assertThat(pendingOf(tickets)).hasSize(count);
        statements.put("TicketReceived", statementsOf("ticket-events", tickets.stream()
                .map(ticket -> ticket.received("Counted", "en")).toList()));
        assertThat(pendingOf(tickets)).isEmpty();
        statements.put("TicketResolved", statementsOf("ticket-events", resolutions(tickets)));

        List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
        assertThat(QuarkusTransaction.requiringNew().call(() -> SurveyEntity.count("ticket.ticketId in ?1", ids)))
                .isEqualTo(2L * count);
        return statements;
    }

    private static List<EventEnvelope> resolutions(List<Tickets> tickets) {
        return tickets.stream().map(ticket -> ticket.resolved(Tickets.now())).toList();
    }

    private static List<PendingResolutionEntity> pendingOf(List<Tickets> tickets) {
        List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
        return QuarkusTransaction.requiringNew().call(() -> PendingResolutionEntity.list("ticketId in ?1", ids));
    }

    private int statementsOf(String channel, List<EventEnvelope> batch) {
        return SqlStatements.preparedDuring(() -> assertThat(batches.apply(channel, batch, surveys)).isEmpty()).size();
    }
}

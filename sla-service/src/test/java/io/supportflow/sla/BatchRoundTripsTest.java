package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * A batch costs the same statements however many tickets it holds: the clocks are created, locked and
 * read with their decisions at its start, and the commit writes the changes as JDBC batches. Counted by
 * Hibernate, so the processed-event and outbox statements (one each, plain JDBC) are not among them.
 */
@QuarkusTest
@TestProfile(BatchRoundTripsTest.CountedStatements.class)
@WithTestResource(SupportFlowTestResource.class)
class BatchRoundTripsTest extends SlaTestBase {

    /** Hibernate counts statements; no breach scanner runs queries of its own meanwhile. */
    public static class CountedStatements implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.statistics", "true", "supportflow.sla.scanner.enabled", "false");
        }
    }

    @Inject
    EventBatches batches;

    @Inject
    ClockEventHandler clocks;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aBatchOfTwoHundredTicketsTakesAsManyStatementsAsOneOfTwo() {
        setClock(start.plus(Duration.ofMinutes(50)));

        Counts few = countsOfOneBatch(2);
        Counts many = countsOfOneBatch(200);

        assertThat(many).isEqualTo(few);
        // Hold the policy in force and read its version, lock the clocks, read their decisions; at the commit, one flush:
        // a batch of inserts per table (the decisions, the escalation levels the provisional P1 fired at once), one of
        // updates.
        assertThat(many).isEqualTo(new Counts(7, 1));
    }

    /** Each ticket's receipt, decisions and two copies of its notification, in one batch. */
    private Counts countsOfOneBatch(int tickets) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            Tickets ticket = Tickets.newTicket();
            events.addAll(List.of(ticket.received(Plan.BUSINESS, start),
                    ticket.reviewRequested(Priority.P1, start.plusSeconds(1)),
                    ticket.assigned(Priority.P2, start.plusSeconds(5)), ticket.logged(start.plus(Duration.ofMinutes(40))),
                    ticket.logged(start.plus(Duration.ofMinutes(30)))));
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        ClockBatches.applyInOneBatch(batches, clocks, events);
        return new Counts(statistics.getPrepareStatementCount(), statistics.getFlushCount());
    }

    private record Counts(long statements, long flushes) {
    }
}

package io.supportflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Category;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.Workaround;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.support.Tickets;

/** Every row of the configured decision table, end to end: TicketReceived in, PriorityAssigned out. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class DecisionTableOnBrokerTest {

    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String rows = """
                impact:SERVICE_DOWN/NONE=P1 impact:SERVICE_DOWN/PARTIAL=P2 impact:SERVICE_DOWN/AVAILABLE=P2
                impact:SEVERELY_IMPAIRED/NONE=P1 impact:SEVERELY_IMPAIRED/PARTIAL=P2 impact:SEVERELY_IMPAIRED/AVAILABLE=P3
                impact:IMPAIRED/NONE=P2 impact:IMPAIRED/PARTIAL=P2 impact:IMPAIRED/AVAILABLE=P3
                impact:MINIMAL/NONE=P3 impact:MINIMAL/PARTIAL=P3 impact:MINIMAL/AVAILABLE=P3
                category:OUTAGE=P1 category:DEGRADED=P2 category:FEATURE_PROBLEM=P3 category:QUESTION=P4
                category:FEATURE_REQUEST=P4 category:INSTALLATION=P4 category:CONFIGURATION=P4 category:BETA=P4
                category:PROFESSIONAL_SERVICES=P4""";
        for (String row : rows.split("\\s+")) {
            String[] ruleAndPriority = row.split("=");
            EXPECTED.put(ruleAndPriority[0], ruleAndPriority[1]);
        }
    }

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @Test
    void everyRowOfTheDecisionTableAssignsItsPriority() {
        Map<String, TicketReceived> ticketsByRule = new LinkedHashMap<>();
        Instant receivedAt = Instant.parse("2026-04-01T08:00:00Z");
        for (Impact impact : Impact.values()) {
            for (Workaround workaround : Workaround.values()) {
                ticketsByRule.put("impact:" + impact + "/" + workaround,
                        Tickets.ticket(Plan.BUSINESS, "Ticket", "", null, impact, workaround, receivedAt));
            }
        }
        for (Category category : Category.values()) {
            ticketsByRule.put("category:" + category,
                    Tickets.ticket(Plan.BUSINESS, "Ticket", "", category, null, null, receivedAt));
        }
        ticketsByRule.values().forEach(ticket -> writer.publish(Tickets.envelope(ticket)));

        Map<String, String> actual = new LinkedHashMap<>();
        ticketsByRule.forEach((rule, ticket) -> {
            PriorityAssigned assigned = priorities.awaitEvent(EventType.PRIORITY_ASSIGNED, ticket.ticketId(),
                    Duration.ofSeconds(30));
            assertThat(assigned.rule()).isEqualTo(rule);
            actual.put(rule, assigned.priority().name());
        });
        assertThat(actual).containsExactlyEntriesOf(EXPECTED);
    }
}

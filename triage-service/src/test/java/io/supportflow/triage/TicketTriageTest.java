package io.supportflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Category;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.events.Workaround;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.triage.repository.TriagedTicketEntity;
import io.supportflow.triage.support.Tickets;
import jakarta.transaction.Transactional;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class TicketTriageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TopicClients.Reads(Topics.TICKETS_PRIORITY)
    private TopicReader priorities;
    private TopicWriter writer;

    @Test
    void aReceivedTicketGetsItsPriorityWithRuleReasonAndCloudEventsHeaders() {
        TicketReceived ticket = Tickets.ticket(Plan.PRO, "Cannot join any meeting", "Since 9:00 every join fails.",
                null, Impact.SERVICE_DOWN, Workaround.NONE, Instant.parse("2026-03-02T09:05:00Z"));
        writer.publish(Tickets.envelope(ticket));

        ReceivedRecord record = priorities.awaitRecord(EventType.PRIORITY_ASSIGNED, ticket.ticketId(), WAIT);
        assertThat(record.headers()).containsEntry("ce_type", "supportflow.priority.assigned.v1")
                .containsEntry("ce_source", "/supportflow/triage-service")
                .containsEntry("ce_subject", ticket.ticketId())
                .containsEntry("ce_specversion", "1.0")
                .containsKeys("ce_id", "ce_time");
        PriorityAssigned assigned = (PriorityAssigned) record.envelope().event();
        assertThat(assigned.priority()).isEqualTo(Priority.P1);
        assertThat(assigned.source()).isEqualTo(PrioritySource.RULES);
        assertThat(assigned.previous()).isNull();
        assertThat(assigned.rule()).isEqualTo("impact:SERVICE_DOWN/NONE");
        assertThat(assigned.reason()).contains("service down").contains("workaround none");
    }

    @Test
    void textOnlyTicketsAreReadInGermanAndEnglishAndTheDecisionNamesItsEvidence() {
        TicketReceived german = Tickets.ticket(Plan.EDUCATION, "Plattform ausgefallen", "Niemand kann sich anmelden.",
                null, null, null, Instant.parse("2026-03-02T09:30:00Z"));
        TicketReceived request = Tickets.ticket(Plan.PRO, "Dark mode", "Feature request: please add a dark mode to the presenter app.",
                null, null, null, Instant.parse("2026-03-02T09:31:00Z"));
        writer.publish(Tickets.envelope(german));
        writer.publish(Tickets.envelope(request));

        PriorityAssigned outage = priorities.awaitEvent(EventType.PRIORITY_ASSIGNED, german.ticketId(), WAIT);
        assertThat(outage.priority()).isEqualTo(Priority.P1);
        assertThat(outage.rule()).isEqualTo("text:P1");
        assertThat(outage.reason()).contains("strongest: ");
        PriorityAssigned wish = priorities.awaitEvent(EventType.PRIORITY_ASSIGNED, request.ticketId(), WAIT);
        assertThat(wish.priority()).isEqualTo(Priority.P4);
        assertThat(wish.rule()).isEqualTo("text:P4");
    }

    @Test
    void aRedeliveredOrResentTicketIsDecidedOnceAndTheDecisionIsStoredWithTheTicket() {
        TicketReceived ticket = Tickets.ticket(Plan.BUSINESS, "Export shows wrong totals", "The CSV export sums are off.",
                Category.FEATURE_PROBLEM, Impact.MINIMAL, Workaround.AVAILABLE, Instant.parse("2026-03-02T10:00:00Z"));
        writer.publish(Tickets.envelope(ticket));
        writer.publish(Tickets.envelope(ticket));
        writer.publish(EventEnvelope.of(DeterministicIds.eventId(ticket.ticketId(), "ticket-received-again"),
                "/supportflow/intake-service", ticket.receivedAt(), ticket));
        TicketReceived probe = Tickets.ticket(Plan.BUSINESS, "Probe", "", Category.QUESTION, null, null,
                Instant.parse("2026-03-02T10:01:00Z"));
        writer.publish(Tickets.envelope(probe));

        priorities.awaitRecord(EventType.PRIORITY_ASSIGNED, probe.ticketId(), WAIT);
        assertThat(priorities.records(r -> ticket.ticketId().equals(r.key()))).hasSize(1);
        TriagedTicketEntity stored = storedTicket(ticket.ticketId());
        assertThat(stored.priority).isEqualTo(Priority.P3);
        assertThat(stored.rule).isEqualTo("category:FEATURE_PROBLEM");
        assertThat(stored.decisionCount).isEqualTo(1);
    }

    @Test
    void contradictoryFieldsGoToReviewWithTheMoreUrgentProvisionalPriority() {
        TicketReceived ticket = Tickets.ticket(Plan.ENTERPRISE, "Dark mode", "We'd like a dark theme.",
                Category.FEATURE_REQUEST, Impact.SERVICE_DOWN, Workaround.NONE, Instant.parse("2026-03-02T11:00:00Z"));
        writer.publish(Tickets.envelope(ticket));

        TriageReviewRequested review = priorities.awaitEvent(EventType.TRIAGE_REVIEW_REQUESTED, ticket.ticketId(), WAIT);
        assertThat(review.provisionalPriority()).isEqualTo(Priority.P1);
        assertThat(review.reason()).contains("service down").contains("feature request");
        assertThat(priorities.events(EventType.PRIORITY_ASSIGNED, ticket.ticketId())).isEmpty();
        assertThat(storedTicket(ticket.ticketId()).inReview).isTrue();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextTicketIsStillTriaged() {
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                Topics.deadLetter(Topics.TICKETS_RECEIVED))) {
            writer.send(Topics.TICKETS_RECEIVED, "poison-1", "{not json",
                    Map.of("ce_id", "poison-1", "ce_type", "supportflow.ticket.received.v1", "ce_time", "2026-03-02T12:00:00Z"));
            TicketReceived next = Tickets.ticket(Plan.PRO, "Everything is down", "Nobody can log in.", Category.OUTAGE,
                    null, null, Instant.parse("2026-03-02T12:00:01Z"));
            writer.publish(Tickets.envelope(next));

            priorities.awaitRecord(EventType.PRIORITY_ASSIGNED, next.ticketId(), WAIT);
            Awaitility.await("poison record on the DLQ").atMost(WAIT)
                    .until(() -> !deadLetters.records(r -> "poison-1".equals(r.key())).isEmpty());
        }
    }

    @Transactional
    TriagedTicketEntity storedTicket(String ticketId) {
        return TriagedTicketEntity.findById(ticketId);
    }
}

package io.supportflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.survey.repository.SurveyEntity;
import io.supportflow.survey.repository.SurveyTicketEntity;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.testing.TopicWriter.Outgoing;
import jakarta.inject.Inject;

/**
 * Events sent together reach the consumers as a few large batches (each ticket's records of a topic in one
 * poll), and a batch is applied in one transaction against the state loaded at its start. The outcome is
 * what the events one by one would give, and no batch fails on the way: a batch that did would still come
 * right when applied event by event, so only the log tells.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class BatchConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TICKETS = 30;

    @Inject
    AgroalDataSource dataSource;

    @TopicClients.Reads(Topics.SURVEYS_REQUESTED)
    private TopicReader requested;
    private TopicWriter writer;

    @Test
    void ticketsAndResolutionsSentTogetherInEitherOrderGetOneSurveyEachAndAgainNothing() {
        List<Tickets> tickets = new ArrayList<>();
        List<EventEnvelope> received = new ArrayList<>();
        List<EventEnvelope> resolved = new ArrayList<>();
        for (int i = 0; i < 2 * TICKETS; i++) {
            Tickets ticket = Tickets.any();
            tickets.add(ticket);
            received.add(ticket.received("Batch " + i, i % 2 == 0 ? "en" : "de"));
            resolved.add(ticket.resolved(Tickets.now()));
        }
        try (LogCapture log = LogCapture.start()) {
            writer.sendTogether(outgoing(received.subList(0, TICKETS), resolved.subList(0, TICKETS)));
            writer.sendTogether(outgoing(resolved.subList(TICKETS, 2 * TICKETS),
                    received.subList(TICKETS, 2 * TICKETS)));

            Awaitility.await("a survey for every ticket").atMost(WAIT)
                    .until(() -> surveysOf(tickets).size() == tickets.size());
            assertThat(surveysOf(tickets).values()).allSatisfy(surveys -> assertThat(surveys).hasSize(1));
            for (int i = 0; i < tickets.size(); i++) {
                assertThat(surveysOf(tickets).get(tickets.get(i).ticketId()).get(0).header("ce_id"))
                        .isEqualTo(DeterministicIds.eventId(resolved.get(i).id(), "survey-requested"));
            }

            // The same batches again, each ticket's record followed by a new one that opens no survey either:
            // the ticket received once more, and reopened. Once those are consumed, so are the redeliveries.
            List<EventEnvelope> later = new ArrayList<>();
            for (Tickets ticket : tickets) {
                later.add(ticket.received("Received again", "en"));
                later.add(ticket.reopened(Tickets.now()));
            }
            writer.sendTogether(outgoing(received, resolved, later));
            awaitProcessed(later);

            assertThat(storedSurveys(tickets)).hasSize(tickets.size());
            assertNoBatchFailed(log);
        }
    }

    @Test
    void resolutionsOfOneTicketInOneBatchOpenASurveyEachInTheirOrderWhetherTheTicketCameBeforeOrAfter() {
        Tickets known = Tickets.any();
        Tickets unknown = Tickets.any();
        EventEnvelope knownReceived = known.received("Known first", "en");
        writer.publish(knownReceived);
        awaitProcessed(List.of(knownReceived));
        Instant at = Tickets.now();
        List<EventEnvelope> resolutions = List.of(
                known.resolved(at), known.reopened(at.plusSeconds(1)), known.resolved(at.plusSeconds(2)),
                unknown.resolved(at), unknown.reopened(at.plusSeconds(1)), unknown.resolved(at.plusSeconds(2)));
        try (LogCapture log = LogCapture.start()) {
            writer.sendTogether(outgoing(resolutions));
            awaitProcessed(resolutions);
            assertThat(storedSurveys(List.of(unknown))).isEmpty();

            // The ticket, and that ticket once more, in one batch: the waiting resolutions open one survey each.
            writer.sendTogether(outgoing(List.of(unknown.received("Known late", "en"),
                    unknown.received("Known late, again", "en"))));

            for (Tickets ticket : List.of(known, unknown)) {
                Awaitility.await("two surveys of " + ticket.ticketId()).atMost(WAIT)
                        .until(() -> surveyEventIds(ticket).size() == 2);
            }
            assertThat(surveyEventIds(known))
                    .containsExactly(surveyEventId(resolutions.get(0)), surveyEventId(resolutions.get(2)));
            assertThat(surveyEventIds(unknown))
                    .containsExactly(surveyEventId(resolutions.get(3)), surveyEventId(resolutions.get(5)));
            assertThat(storedSurveys(List.of(known, unknown))).hasSize(4);
            assertNoBatchFailed(log);
        }
    }

    @Test
    void severalPrioritiesOfATicketInOneBatchLeaveItsLastOne() {
        List<Tickets> tickets = new ArrayList<>();
        List<EventEnvelope> priorities = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Tickets ticket = Tickets.any();
            tickets.add(ticket);
            priorities.add(ticket.priority(Priority.P3, Tickets.now()));
            priorities.add(ticket.priority(Priority.P1, Tickets.now()));
            priorities.add(ticket.priority(Priority.P2, Tickets.now()));
        }
        try (LogCapture log = LogCapture.start()) {
            writer.sendTogether(outgoing(priorities));
            awaitProcessed(priorities);

            List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
            assertThat(QuarkusTransaction.requiringNew().call(() ->
                    SurveyTicketEntity.<SurveyTicketEntity>list("ticketId in ?1", ids)))
                    .hasSize(TICKETS).allSatisfy(ticket -> assertThat(ticket.priority).isEqualTo(Priority.P2));
            assertNoBatchFailed(log);
        }
    }

    @SafeVarargs
    private static List<Outgoing> outgoing(List<EventEnvelope>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).map(Outgoing::of).toList();
    }

    private static String surveyEventId(EventEnvelope resolved) {
        return DeterministicIds.eventId(resolved.id(), "survey-requested");
    }

    private List<String> surveyEventIds(Tickets ticket) {
        return requested.records(record -> ticket.ticketId().equals(record.key())).stream()
                .map(record -> record.header("ce_id")).toList();
    }

    /** The SurveyRequested records of {@code tickets} read so far, by ticket, in topic order. */
    private Map<String, List<ReceivedRecord>> surveysOf(Collection<Tickets> tickets) {
        List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
        return requested.records(record -> ids.contains(record.key())).stream()
                .collect(Collectors.groupingBy(ReceivedRecord::key));
    }

    private static List<SurveyEntity> storedSurveys(Collection<Tickets> tickets) {
        List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
        return QuarkusTransaction.requiringNew().call(() -> SurveyEntity.list("ticket.ticketId in ?1", ids));
    }

    private void awaitProcessed(List<EventEnvelope> events) {
        List<String> ids = events.stream().map(EventEnvelope::id).toList();
        Awaitility.await(ids.size() + " events consumed").atMost(WAIT)
                .until(() -> StoredRows.processedAmong(dataSource, ids) == ids.size());
    }

    private static void assertNoBatchFailed(LogCapture log) {
        assertThat(log.lines()).as("batches that failed or were retried")
                .filteredOn(line -> line.contains("EventBatches")).isEmpty();
    }
}

package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.agentDecided;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.slaBreached;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import io.supportflow.testing.TopicWriter.Outgoing;

/**
 * Events sent together reach the consumers as a few large batches (each ticket's records of a topic in one
 * poll), and a batch is applied in one transaction against the state loaded at its start. The outcome is
 * what the events one by one would give, and no batch fails on the way: a batch that did (a message
 * requested twice, say) would still come right when applied event by event, so only the log tells.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class BatchConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int TICKETS = 40;

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;
    private TopicWriter writer;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void ticketsAndFirstPrioritiesSentTogetherInEitherOrderGetOneMailAndOneCustomerNotifiedEachAndAgainNothing() {
        Map<String, String> ticketsFirst = newTickets("together");
        Map<String, String> prioritiesFirst = newTickets("reversed");
        List<EventEnvelope> received = new ArrayList<>();
        List<EventEnvelope> prioritised = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            sendTicketsAndPriorities(ticketsFirst, received, prioritised, false);
            sendTicketsAndPriorities(prioritiesFirst, received, prioritised, true);
            Map<String, String> all = new LinkedHashMap<>(ticketsFirst);
            all.putAll(prioritiesFirst);
            awaitOneCustomerNotifiedEach(all.keySet(), NotificationKind.TICKET_LOGGED);
            assertOneMailEach(all.values());

            // The same batches again, each ticket's record followed by a new one that changes nothing either:
            // a second TicketReceived and an agent confirming the priority. Once those are consumed, so are the
            // redeliveries.
            List<EventEnvelope> again = new ArrayList<>(received);
            List<EventEnvelope> later = new ArrayList<>();
            all.forEach((ticketId, address) -> {
                later.add(ticketReceived(ticketId, Plan.PRO, "Told Again", address, "en", "Again " + ticketId));
                later.add(agentDecided(ticketId, Priority.P2, Priority.P2));
            });
            again.addAll(prioritised);
            again.addAll(later);
            writer.sendTogether(again.stream().map(Outgoing::of).toList());
            awaitProcessed(later);

            assertThat(rows(all.keySet())).hasSize(all.size())
                    .allSatisfy(row -> assertThat(row.textBody).contains("P2 - High"));
            assertOneMailEach(all.values());
            assertThat(customerNotified(all.keySet()).values()).allSatisfy(events -> assertThat(events).hasSize(1));
            assertNoBatchFailed(log);
        }
    }

    @Test
    void aTicketAndAnAgentsChangeInOneBatchLeaveTheCustomerToldTheAgentsPriorityOnce() {
        String ticketId = newTicketId();
        String email = uniqueAddress("quick");
        List<EventEnvelope> events = List.of(priorityAssigned(ticketId, Priority.P3, null),
                agentDecided(ticketId, Priority.P1, Priority.P3),
                ticketReceived(ticketId, Plan.ENTERPRISE, "Quick Change", email, "en", "Slow sync"));
        try (LogCapture log = LogCapture.start()) {
            // One key: each topic's records of the ticket lie in one record batch, consumed in one poll.
            writer.sendTogether(events.stream().map(Outgoing::of).toList());
            awaitProcessed(events);

            // The topics are consumed independently: the ticket logged with P3 and then told the change, or,
            // when the agent's decision came first, logged with P1 at once.
            List<NotificationEntity> rows = rows(List.of(ticketId));
            assertThat(rows).extracting(row -> row.kind).containsOnlyOnce(NotificationKind.TICKET_LOGGED);
            NotificationEntity logged = rows.stream().filter(row -> row.kind == NotificationKind.TICKET_LOGGED)
                    .findFirst().orElseThrow();
            if (logged.textBody.contains("P3 - Normal")) {
                assertThat(rows).hasSize(2).anySatisfy(row -> assertThat(row.textBody).contains("from P3 to P1"));
            } else {
                assertThat(logged.textBody).contains("P1 - Urgent");
                assertThat(rows).hasSize(1);
            }
            Awaitility.await("every message sent").atMost(WAIT).until(() -> Mailbox.to(email).size() == rows.size());
            assertNoBatchFailed(log);
        }
    }

    @Test
    void surveysAndBreachesOfManyTicketsSentTogetherGetAMailPerSurveyAndOneAlertPerTicket() {
        Map<String, String> tickets = newTickets("rated");
        List<EventEnvelope> events = new ArrayList<>();
        tickets.forEach((ticketId, address) -> {
            events.add(surveyRequested(ticketId, address, "en", "https://survey.supportflow.example/s/first"));
            events.add(surveyRequested(ticketId, address, "de", "https://survey.supportflow.example/s/second"));
            // A breach raised again (after a retraction, say) alerts no one a second time.
            events.add(slaBreached(ticketId, Plan.BUSINESS, Priority.P2, Duration.ofHours(4), Duration.ofMinutes(5)));
            events.add(slaBreached(ticketId, Plan.BUSINESS, Priority.P2, Duration.ofHours(4), Duration.ofMinutes(9)));
        });
        try (LogCapture log = LogCapture.start()) {
            writer.sendTogether(events.stream().map(Outgoing::of).toList());

            Awaitility.await("two surveys and one alert per ticket notified").atMost(WAIT).until(() ->
                    customerNotified(tickets.keySet()).values().stream().mapToInt(List::size).sum() >= 3 * TICKETS);
            awaitProcessed(events);
            Map<String, List<NotificationKind>> kinds = rows(tickets.keySet()).stream().collect(Collectors.groupingBy(
                    row -> row.ticketId, Collectors.mapping(row -> row.kind, Collectors.toList())));
            assertThat(kinds.values()).hasSize(TICKETS).allSatisfy(ofTicket -> assertThat(ofTicket)
                    .containsExactlyInAnyOrder(NotificationKind.SURVEY, NotificationKind.SURVEY,
                            NotificationKind.SLA_BREACH_ALERT));
            assertThat(customerNotified(tickets.keySet()).values()).allSatisfy(ofTicket -> assertThat(ofTicket)
                    .hasSize(3));
            Map<String, Long> mails = Mailbox.countsByRecipient();
            assertThat(tickets.values()).filteredOn(address -> mails.getOrDefault(address, 0L) != 2L).isEmpty();
            assertNoBatchFailed(log);
        }
    }

    /** Fresh tickets, each with an address of its own, in a stable order. */
    private static Map<String, String> newTickets(String name) {
        Map<String, String> addressOf = new LinkedHashMap<>();
        for (int i = 0; i < TICKETS; i++) {
            addressOf.put(newTicketId(), uniqueAddress(name + i));
        }
        return addressOf;
    }

    /** Every TicketReceived and first PriorityAssigned of {@code tickets} in one produce request. */
    private void sendTicketsAndPriorities(Map<String, String> tickets, List<EventEnvelope> received,
                                          List<EventEnvelope> prioritised, boolean prioritiesFirst) {
        List<EventEnvelope> ticketsNow = new ArrayList<>();
        List<EventEnvelope> priorities = new ArrayList<>();
        tickets.forEach((ticketId, address) -> {
            ticketsNow.add(ticketReceived(ticketId, Plan.PRO, "Many At Once", address, "en", "Batch " + ticketId));
            priorities.add(priorityAssigned(ticketId, Priority.P2, null));
        });
        received.addAll(ticketsNow);
        prioritised.addAll(priorities);
        List<EventEnvelope> together = new ArrayList<>(prioritiesFirst ? priorities : ticketsNow);
        together.addAll(prioritiesFirst ? ticketsNow : priorities);
        writer.sendTogether(together.stream().map(Outgoing::of).toList());
    }

    private void awaitOneCustomerNotifiedEach(Collection<String> ticketIds, NotificationKind kind) {
        Awaitility.await(kind + " notified for " + ticketIds.size() + " tickets").atMost(WAIT).until(() ->
                customerNotified(ticketIds).size() == ticketIds.size());
        assertThat(customerNotified(ticketIds).values()).allSatisfy(events -> assertThat(events).hasSize(1));
    }

    private static void awaitProcessed(List<EventEnvelope> events) {
        Awaitility.await(events.size() + " events consumed").atMost(WAIT).until(() -> {
            for (EventEnvelope event : events) {
                if (!ProcessedEventsProbe.processed(event.id())) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void assertOneMailEach(Collection<String> addresses) {
        Map<String, Long> mails = Mailbox.countsByRecipient();
        assertThat(addresses).as("addresses without exactly one mail")
                .filteredOn(address -> mails.getOrDefault(address, 0L) != 1L).isEmpty();
    }

    private static void assertNoBatchFailed(LogCapture log) {
        assertThat(log.lines()).as("batches that failed or were retried")
                .filteredOn(line -> line.contains("EventBatches")).isEmpty();
    }

    private static List<NotificationEntity> rows(Collection<String> ticketIds) {
        return QuarkusTransaction.requiringNew().call(() -> NotificationEntity.list("ticketId in ?1", ticketIds));
    }

    private Map<String, List<ReceivedRecord>> customerNotified(Collection<String> ticketIds) {
        return notifications.records(record -> EventType.CUSTOMER_NOTIFIED.ceType().equals(record.header("ce_type"))
                && ticketIds.contains(record.key())).stream().collect(Collectors.groupingBy(ReceivedRecord::key));
    }
}

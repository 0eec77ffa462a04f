package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;

/**
 * The dispatcher's workers (supportflow.notification.delivery.workers, four as in production) send
 * at once, and still every message goes out once and is recorded once.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConcurrentDispatchTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int BURST = 300;
    private static final int WHILE_HELD = 12;

    private TopicReader notifications;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @BeforeEach
    void readNotifications() {
        notifications = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), Topics.TICKETS_NOTIFICATIONS);
    }

    @AfterEach
    void close() {
        notifications.close();
    }

    @Test
    void aBurstOfRequestsGetsExactlyOneMailAndOneCustomerNotifiedWithItsSendTimePerTicket() {
        Map<String, String> addressOf = newTickets(BURST, "burst");

        publishLoggedTickets(addressOf);

        awaitSent(addressOf.keySet());
        Awaitility.await("a CustomerNotified for every ticket").atMost(WAIT)
                .until(() -> customerNotified(addressOf.keySet()).keySet().size() == BURST);
        Map<String, Long> mails = Mailbox.countsByRecipient();
        assertThat(addressOf.values()).as("addresses without exactly one mail")
                .filteredOn(address -> mails.getOrDefault(address, 0L) != 1L).isEmpty();
        Map<String, List<CustomerNotified>> notified = customerNotified(addressOf.keySet());
        assertThat(notified.values()).as("tickets with another number of CustomerNotified than one")
                .filteredOn(events -> events.size() != 1).isEmpty();
        for (NotificationEntity row : rows(addressOf.keySet())) {
            CustomerNotified event = notified.get(row.ticketId).get(0);
            assertThat(event.sentAt()).as("sentAt of " + row.ticketId).isEqualTo(row.sentAt);
            assertThat(event.messageId()).isEqualTo(row.messageId);
            assertThat(event.to()).isEqualTo(addressOf.get(row.ticketId));
        }
    }

    @Test
    void whileOneWorkerWaitsToRecordItsSendTheOthersSendTheNextMessagesAndItsOwnIsRecordedOnce() throws Exception {
        Map<String, String> held = newTickets(1, "held");
        String heldTicket = held.keySet().iterator().next();
        Map<String, String> others = newTickets(WHILE_HELD, "meanwhile");

        try (Connection blocker = dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            // An uncommitted outbox row with the id of the held message's CustomerNotified: the worker
            // that sends that message waits for this transaction when it writes its own, holding the row.
            insertOutboxRow(blocker, DeterministicIds.eventId(messageIdOf(heldTicket), "customer-notified"), heldTicket);
            publishLoggedTickets(held);
            Mailbox.awaitOne(held.get(heldTicket), WAIT);

            publishLoggedTickets(others);

            awaitSent(others.keySet());
            assertThat(rows(held.keySet())).extracting(row -> row.status).containsExactly(NotificationStatus.PENDING);
            blocker.rollback();
        }

        awaitSent(held.keySet());
        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, heldTicket, WAIT);
        assertThat(notified.sentAt()).isEqualTo(rows(held.keySet()).get(0).sentAt);
        assertThat(Mailbox.to(held.get(heldTicket))).hasSize(1);
        assertThat(notifications.events(EventType.CUSTOMER_NOTIFIED, heldTicket)).hasSize(1);
    }

    /** Fresh ticket ids with a fresh customer address each, in a stable order. */
    private static Map<String, String> newTickets(int count, String name) {
        Map<String, String> addressOf = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            addressOf.put(newTicketId(), uniqueAddress(name + i));
        }
        return addressOf;
    }

    /** Every ticket received, then every first priority: each of the second completes a ticket and requests its mail. */
    private static void publishLoggedTickets(Map<String, String> addressOf) {
        List<EventEnvelope> received = new ArrayList<>();
        List<EventEnvelope> prioritised = new ArrayList<>();
        addressOf.forEach((ticketId, address) -> {
            received.add(ticketReceived(ticketId, Plan.PRO, "Many Customers", address, "en", "Burst " + ticketId));
            prioritised.add(priorityAssigned(ticketId, Priority.P2, null));
        });
        received.addAll(prioritised);
        publish(received.toArray(EventEnvelope[]::new));
    }

    private static void awaitSent(Collection<String> ticketIds) {
        Awaitility.await(ticketIds.size() + " messages SENT").atMost(WAIT).until(() -> rows(ticketIds).stream()
                .filter(row -> row.status == NotificationStatus.SENT).count() == ticketIds.size());
    }

    private static List<NotificationEntity> rows(Collection<String> ticketIds) {
        return QuarkusTransaction.requiringNew().call(() -> NotificationEntity.list("ticketId in ?1", ticketIds));
    }

    private Map<String, List<CustomerNotified>> customerNotified(Collection<String> ticketIds) {
        return notifications.records(record -> EventType.CUSTOMER_NOTIFIED.ceType().equals(record.header("ce_type"))
                        && ticketIds.contains(record.key())).stream()
                .collect(Collectors.groupingBy(ReceivedRecord::key,
                        Collectors.mapping(record -> (CustomerNotified) record.envelope().event(), Collectors.toList())));
    }

    private static String messageIdOf(String ticketId) {
        return "<" + ticketId + ".ticket-logged@supportflow>";
    }

    private static void insertOutboxRow(Connection connection, String eventId, String ticketId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, event_type, topic, record_key, source, event_time, payload)
                VALUES (?, 'test.blocker', ?, ?, '/supportflow/test', now(), '{}')""")) {
            insert.setString(1, eventId);
            insert.setString(2, Topics.TICKETS_NOTIFICATIONS);
            insert.setString(3, ticketId);
            insert.executeUpdate();
        }
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}

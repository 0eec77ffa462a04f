package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.agentDecided;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.reviewRequested;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.underNewId;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.TicketReference;
import io.supportflow.events.Topics;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.TicketEntity;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.mail.internet.MimeMessage;

/**
 * A ticket in triage review is told it is logged at once, with its provisional priority; an agent's decision
 * that differs from what the customer was told is told once, one message per change.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class PriorityChangedEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void aTicketInReviewIsToldItIsLoggedAtOnceWithItsProvisionalPriority() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("unsure");
        String reference = TicketReference.of(ticketId);
        publish(ticketReceived(ticketId, Plan.PRO, "Una Sure", email, "en", "Something is off"),
                reviewRequested(ticketId, Priority.P3));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getSubject()).isEqualTo("Your ticket " + reference + " is logged: Something is off");
        assertThat(Mailbox.text(mail)).contains("P3 - Normal", "Response target: 24 hours (PRO plan)",
                "We work on it during business hours.",
                "This priority is provisional: a support agent will review your ticket and confirm it.");
        assertThat(Mailbox.html(mail)).contains("<td>24 hours</td>", "This priority is provisional");
        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.kind()).isEqualTo(NotificationKind.TICKET_LOGGED);
        assertThat(told(ticketId)).isEqualTo(Priority.P3);
    }

    @Test
    void aGermanTicketInReviewIsToldInGermanThatAnAgentWillConfirmThePriority() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("unsicher");
        publish(ticketReceived(ticketId, Plan.BUSINESS, "Ute Unsicher", email, "de", "Etwas stimmt nicht"),
                reviewRequested(ticketId, Priority.P2));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getSubject()).startsWith("Ihr Ticket ").endsWith(" ist erfasst: Etwas stimmt nicht");
        assertThat(Mailbox.text(mail)).contains("P2 - Hoch", "Reaktionsziel: 4 Stunden (Tarif BUSINESS)",
                "Diese Priorität ist vorläufig: Ein Support-Mitarbeiter prüft Ihr Ticket und bestätigt sie.")
                .doesNotContain("provisional");
        assertThat(Mailbox.html(mail)).contains("<html lang=\"de\">", "Diese Priorität ist vorläufig");
    }

    @Test
    void anAgentChangingTheToldPriorityTellsTheCustomerOnceInTheirLanguage() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("grete");
        String reference = TicketReference.of(ticketId);
        publish(ticketReceived(ticketId, Plan.PRO, "Grete Müller", email, "de", "Export bricht ab"),
                reviewRequested(ticketId, Priority.P3));
        Mailbox.awaitOne(email, WAIT);

        publish(agentDecided(ticketId, Priority.P1, Priority.P3));

        MimeMessage change = awaitMails(email, 2).get(1);
        assertThat(change.getSubject()).isEqualTo("Ihr Ticket " + reference + ": Priorität auf P1 geändert");
        assertThat(change.getMessageID()).startsWith("<" + ticketId + ".priority-changed.P1-").endsWith("@supportflow>");
        assertThat(Mailbox.text(change)).contains("Guten Tag Grete Müller",
                "wir haben die Priorität Ihres Tickets " + reference + " von P3 auf P1 geändert.",
                "P1 - Dringend", "Reaktionsziel: 1 Stunde (Tarif PRO)", "rund um die Uhr");
        assertThat(Mailbox.html(change)).contains("<html lang=\"de\">", "<td>1 Stunde</td>", "rund um die Uhr");

        List<CustomerNotified> notified = awaitCustomerNotified(ticketId, 2);
        assertThat(notified).extracting(CustomerNotified::kind)
                .containsExactly(NotificationKind.TICKET_LOGGED, NotificationKind.PRIORITY_CHANGED);
        assertThat(notified.get(1).messageId()).isEqualTo(change.getMessageID());
        assertThat(told(ticketId)).isEqualTo(Priority.P1);
    }

    @Test
    void anAgentConfirmingTheToldPriorityTellsNothing() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("confirmed");
        publish(ticketReceived(ticketId, Plan.PRO, "Con Firmed", email, "en", "Search is slow"),
                reviewRequested(ticketId, Priority.P2));
        Mailbox.awaitOne(email, WAIT);

        // The confirmation, then a change: once the change is told, the confirmation was consumed before it.
        publish(agentDecided(ticketId, Priority.P2, Priority.P2), agentDecided(ticketId, Priority.P4, Priority.P2));

        List<MimeMessage> mails = awaitMails(email, 2);
        assertThat(Mailbox.text(mails.get(1))).contains("from P2 to P4");
        assertThat(kinds(ticketId)).containsExactly(NotificationKind.TICKET_LOGGED, NotificationKind.PRIORITY_CHANGED);
        assertThat(Mailbox.to(email)).hasSize(2);
    }

    @Test
    void aRedeliveredAgentDecisionIsToldOnceAndCannotUndoALaterOne() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("redelivered");
        publish(ticketReceived(ticketId, Plan.ENTERPRISE, "Re Delivered", email, "en", "Login loops"),
                reviewRequested(ticketId, Priority.P3));
        Mailbox.awaitOne(email, WAIT);
        EventEnvelope toP1 = agentDecided(ticketId, Priority.P1, Priority.P3);
        publish(toP1, agentDecided(ticketId, Priority.P2, Priority.P1));
        awaitMails(email, 3);

        // Redelivered as it was and under a new id; the customer was told P2 since, which an agent then confirms.
        EventEnvelope confirmed = agentDecided(ticketId, Priority.P2, Priority.P2);
        publish(toP1, underNewId(toP1), confirmed);
        Awaitility.await("confirmation consumed").atMost(WAIT).until(() -> ProcessedEventsProbe.processed(confirmed.id()));

        assertThat(kinds(ticketId)).containsExactly(NotificationKind.TICKET_LOGGED, NotificationKind.PRIORITY_CHANGED,
                NotificationKind.PRIORITY_CHANGED);
        assertThat(told(ticketId)).isEqualTo(Priority.P2);
        assertThat(Mailbox.to(email)).hasSize(3);
        assertThat(awaitCustomerNotified(ticketId, 3)).hasSize(3);
    }

    @Test
    void twoSuccessiveChangesAreToldTwiceInTheirOrderWithTheirCommitments() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("twice");
        publish(ticketReceived(ticketId, Plan.PRO, "Two Changes", email, "en", "Reports missing"),
                reviewRequested(ticketId, Priority.P3));
        Mailbox.awaitOne(email, WAIT);

        publish(agentDecided(ticketId, Priority.P1, Priority.P3), agentDecided(ticketId, Priority.P2, Priority.P1));

        List<MimeMessage> mails = awaitMails(email, 3);
        assertThat(mails.get(0).getSubject()).contains("is logged");
        assertThat(mails.get(1).getSubject()).endsWith("priority changed to P1");
        assertThat(Mailbox.text(mails.get(1))).contains("from P3 to P1", "P1 - Urgent",
                "Response target: 1 hour (PRO plan)", "We work on it around the clock until it is resolved.");
        assertThat(mails.get(2).getSubject()).endsWith("priority changed to P2");
        assertThat(Mailbox.text(mails.get(2))).contains("from P1 to P2", "P2 - High",
                "Response target: 4 hours (PRO plan)",
                "We work on it during business hours and add extra resources outside them.");
        assertThat(mails.get(1).getMessageID()).isNotEqualTo(mails.get(2).getMessageID());
        assertThat(awaitCustomerNotified(ticketId, 3)).extracting(CustomerNotified::kind).containsExactly(
                NotificationKind.TICKET_LOGGED, NotificationKind.PRIORITY_CHANGED, NotificationKind.PRIORITY_CHANGED);
    }

    @Test
    void anAgentDecisionBeforeTheTicketArrivesIsTheLoggedPriorityWithoutAChangeMessage() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("decided-early");
        EventEnvelope review = reviewRequested(ticketId, Priority.P3);
        EventEnvelope decided = agentDecided(ticketId, Priority.P1, Priority.P3);
        publish(review, decided);
        Awaitility.await("agent decision consumed").atMost(WAIT).until(() -> ProcessedEventsProbe.processed(decided.id()));

        publish(ticketReceived(ticketId, Plan.PRO, "Early Agent", email, "en", "Site down"));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(Mailbox.text(mail)).contains("P1 - Urgent", "Response target: 1 hour (PRO plan)")
                .doesNotContain("provisional");
        notifications.awaitRecord(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(kinds(ticketId)).containsExactly(NotificationKind.TICKET_LOGGED);
        assertThat(told(ticketId)).isEqualTo(Priority.P1);
    }

    /** The first {@code count} messages to {@code address}, in the order the mail server received them. */
    private static List<MimeMessage> awaitMails(String address, int count) {
        Awaitility.await(count + " mails to " + address).atMost(WAIT).until(() -> Mailbox.to(address).size() >= count);
        return Mailbox.to(address);
    }

    private List<CustomerNotified> awaitCustomerNotified(String ticketId, int count) {
        Awaitility.await(count + " CustomerNotified for " + ticketId).atMost(WAIT)
                .until(() -> notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId).size() >= count);
        return notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId);
    }

    private static List<NotificationKind> kinds(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> NotificationEntity.ofTicket(ticketId).stream()
                .map(row -> row.kind).toList());
    }

    private static Priority told(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> TicketEntity.<TicketEntity>findById(ticketId).toldPriority);
    }
}

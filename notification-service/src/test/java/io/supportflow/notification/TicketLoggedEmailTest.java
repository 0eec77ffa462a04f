package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.agentDecided;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.underNewId;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
import io.supportflow.notification.repository.TicketEntity;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class TicketLoggedEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void anEnglishCustomerIsToldTheTicketIsLoggedWithPriorityTargetAndCommitment() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("ada");
        String reference = TicketReference.of(ticketId);
        Instant before = Instant.now();
        publish(ticketReceived(ticketId, Plan.PRO, "Ada Lovelace", email, "en", "Cannot join any meeting"),
                priorityAssigned(ticketId, Priority.P1, null));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(Mailbox.recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Your ticket " + reference + " is logged: Cannot join any meeting");
        assertThat(mail.getMessageID()).isEqualTo("<" + ticketId + ".ticket-logged@supportflow>");
        assertThat(mail.getFrom()[0].toString()).contains("support@supportflow.example");
        assertThat(Mailbox.text(mail)).contains("Hello Ada Lovelace", reference, "Cannot join any meeting",
                "P1 - Urgent: your service is down or severely degraded", "Response target: 1 hour (PRO plan)",
                "around the clock").doesNotContain("provisional");
        assertThat(Mailbox.html(mail)).contains("<html lang=\"en\">", "<strong>" + reference + "</strong>",
                "Urgent: your service is down", "<td>1 hour</td>", "around the clock");

        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.kind()).isEqualTo(NotificationKind.TICKET_LOGGED);
        assertThat(notified.to()).isEqualTo(email);
        assertThat(notified.messageId()).isEqualTo(mail.getMessageID());
        assertThat(notified.sentAt()).isBetween(before, Instant.now());
    }

    @Test
    void aGermanCustomerIsToldInGermanWithTheTargetOfTheirPlan() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("grete");
        String reference = TicketReference.of(ticketId);
        publish(ticketReceived(ticketId, Plan.BUSINESS, "Grete Müller", email, "de", "Export bricht ab"),
                priorityAssigned(ticketId, Priority.P2, null));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getSubject()).isEqualTo("Ihr Ticket " + reference + " ist erfasst: Export bricht ab");
        assertThat(mail.getMessageID()).isEqualTo("<" + ticketId + ".ticket-logged@supportflow>");
        assertThat(Mailbox.text(mail)).contains("Guten Tag Grete Müller", reference, "Export bricht ab",
                "P2 - Hoch: wesentliche Teile", "Reaktionsziel: 4 Stunden (Tarif BUSINESS)",
                "während der Geschäftszeiten daran und setzen außerhalb davon zusätzliche Kräfte ein");
        assertThat(Mailbox.html(mail)).contains("<html lang=\"de\">", "<td>4 Stunden</td>", "zusätzliche Kräfte");
    }

    @Test
    void aFreeCustomerWithALowPriorityTicketSeesTheDayLongTargetAndBusinessHours() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("free");
        publish(ticketReceived(ticketId, Plan.FREE, "Free User", email, "en", "How do I export?"),
                priorityAssigned(ticketId, Priority.P4, null));

        String text = Mailbox.text(Mailbox.awaitOne(email, WAIT));
        assertThat(text).contains("P4 - Low: a question", "Response target: 24 hours (FREE plan)",
                "We work on it during business hours.");
    }

    @Test
    void aPriorityArrivingBeforeItsTicketWaitsAndTheEmailFollowsTheTicket() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("early");
        publish(priorityAssigned(ticketId, Priority.P3, null));
        Awaitility.await("priority stored").atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TicketEntity.<TicketEntity>findByIdOptional(ticketId)
                        .map(TicketEntity::isPrioritised).orElse(false)));
        assertThat(Mailbox.to(email)).isEmpty();

        publish(ticketReceived(ticketId, Plan.ENTERPRISE, "Early Bird", email, "en", "Report is slow"));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(Mailbox.text(mail)).contains("P3 - Normal", "Response target: 24 hours (ENTERPRISE plan)");
        notifications.awaitRecord(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
    }

    @Test
    void redeliveredEventsAndAnAgentConfirmingThePriorityStillSendExactlyOneEmail() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("twice");
        EventEnvelope received = ticketReceived(ticketId, Plan.PRO, "Twice Told", email, "en", "Login fails");
        EventEnvelope assigned = priorityAssigned(ticketId, Priority.P2, null);
        publish(received, assigned);
        Mailbox.awaitOne(email, WAIT);
        notifications.awaitRecord(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);

        EventEnvelope confirmed = agentDecided(ticketId, Priority.P2, Priority.P2);
        publish(received, assigned, underNewId(assigned), confirmed);
        Awaitility.await("confirmation consumed").atMost(WAIT)
                .until(() -> ProcessedEventsProbe.processed(confirmed.id()));

        assertThat(Mailbox.to(email)).hasSize(1);
        assertThat(Mailbox.text(Mailbox.to(email).get(0))).contains("P2 - High");
        assertThat(notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId)).hasSize(1);
    }

    @Test
    void hostileNamesAndSubjectsAreEscapedInHtmlAndCannotInjectHeaders() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("mallory");
        String name = "<script>alert('name')</script>\r\nBcc: victim@example.com";
        String subject = "Help <b>now</b>\r\nX-Injected: yes\r\nBcc: victim@example.com";
        publish(ticketReceived(ticketId, Plan.PRO, name, email, "en", subject),
                priorityAssigned(ticketId, Priority.P2, null));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(Mailbox.recipients(mail)).containsExactly(email);
        assertThat(Mailbox.to("victim@example.com")).isEmpty();
        assertThat(mail.getSubject()).doesNotContain("\r", "\n")
                .endsWith("is logged: Help <b>now</b> X-Injected: yes Bcc: victim@example.com");
        String html = Mailbox.html(mail);
        assertThat(html).doesNotContain("<script>", "<b>now</b>")
                .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;", "Help &lt;b&gt;now&lt;/b&gt;");
    }
}

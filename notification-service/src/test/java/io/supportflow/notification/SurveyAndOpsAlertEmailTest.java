package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.slaBreached;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReference;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SurveyAndOpsAlertEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ONCALL = "ops-oncall@supportflow.example";
    private static final String LEAD = "ops-lead@supportflow.example";

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @Test
    void anEnglishCustomerGetsTheSurveyLinkOnce() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("rater");
        String url = "https://survey.supportflow.example/s/abc123?token=x&y=1";
        EventEnvelope requested = surveyRequested(ticketId, email, "en", url);
        publish(requested);

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(Mailbox.recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("How did we do? Your ticket " + TicketReference.of(ticketId));
        String surveyId = ((SurveyRequested) requested.event()).surveyId();
        assertThat(mail.getMessageID()).isEqualTo("<" + ticketId + ".survey." + surveyId + "@supportflow>");
        assertThat(Mailbox.text(mail)).contains(url, "has been solved", "works until 2030-01-15 10:30 UTC");
        assertThat(Mailbox.html(mail)).contains("<a href=\"https://survey.supportflow.example/s/abc123?token=x&amp;y=1\">");

        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.kind()).isEqualTo(NotificationKind.SURVEY);
        assertThat(notified.to()).isEqualTo(email);
        assertThat(notified.messageId()).isEqualTo(mail.getMessageID());

        publish(requested);
        Awaitility.await("redelivery consumed").atMost(WAIT).until(() -> ProcessedEventsProbe.processed(requested.id()));
        assertThat(Mailbox.to(email)).hasSize(1);
    }

    @Test
    void aTicketSolvedAgainAfterReopeningGetsItsNewSurveyToo() {
        String ticketId = newTicketId();
        String email = uniqueAddress("twice");
        publish(surveyRequested(ticketId, email, "en", "https://survey.supportflow.example/s/first"));
        Mailbox.awaitOne(email, WAIT);

        publish(surveyRequested(ticketId, email, "en", "https://survey.supportflow.example/s/second"));
        Awaitility.await("second survey mail").atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
        assertThat(Mailbox.to(email)).extracting(Mailbox::text)
                .anyMatch(text -> text.contains("/s/first"))
                .anyMatch(text -> text.contains("/s/second"));
    }

    @Test
    void aGermanCustomerGetsTheSurveyInGerman() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("bewerter");
        publish(surveyRequested(ticketId, email, "de", "https://survey.supportflow.example/s/def456"));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getSubject()).isEqualTo("Wie zufrieden waren Sie? Ihr Ticket " + TicketReference.of(ticketId));
        assertThat(Mailbox.text(mail)).contains("ist gelöst", "https://survey.supportflow.example/s/def456",
                "bis 2030-01-15 10:30 UTC");
        assertThat(Mailbox.html(mail)).contains("<html lang=\"de\">", "Unseren Support bewerten");
    }

    @Test
    void anSlaBreachAlertsEveryOpsAddressWithTicketPlanPriorityTargetAndLateness() throws Exception {
        String ticketId = newTicketId();
        String reference = TicketReference.of(ticketId);
        publish(slaBreached(ticketId, Plan.ENTERPRISE, Priority.P1, Duration.ofHours(1), Duration.ofMinutes(3)));

        // GreenMail files one copy of the message in each recipient's mailbox.
        Awaitility.await("alert in both ops mailboxes").atMost(WAIT).until(() -> alertsFor(reference).size() == 2);
        List<MimeMessage> copies = alertsFor(reference);
        assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly("<" + ticketId + ".sla-breach-alert@supportflow>");
        MimeMessage mail = copies.get(0);
        assertThat(Mailbox.recipients(mail)).containsExactly(ONCALL, LEAD);
        assertThat(mail.getSubject())
                .isEqualTo("[SLA breach] " + reference + " P1 ENTERPRISE: response target of 1 hour missed");
        assertThat(Mailbox.text(mail)).contains(ticketId, "Plan:            ENTERPRISE", "Priority:        P1",
                "Due:             2026-11-25 09:00 UTC", "Breached:        2026-11-25 09:03 UTC",
                "Late by:         3 minutes");
        assertThat(Mailbox.html(mail)).contains("<td>3 minutes</td>", "<td>1 hour</td>");

        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.kind()).isEqualTo(NotificationKind.SLA_BREACH_ALERT);
        assertThat(notified.to()).isEqualTo(ONCALL + ", " + LEAD);
    }

    private static List<MimeMessage> alertsFor(String reference) {
        return Mailbox.to(ONCALL).stream().filter(mail -> subjectOf(mail).contains(reference)).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.supportflow.notification;

import static io.restassured.RestAssured.given;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.testing.MailServer;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class MailOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final MailServer mailServer = SharedInfrastructure.mail();

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @AfterEach
    void restore() {
        TestClock.CLOCK.followSystemClock();
        mailServer.stop();
        mailServer.start();
    }

    @Test
    void whileTheMailServerIsDownTheMessageWaitsAndGoesOutOnceAfterRecoveryWithItsTrueSendTime() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("patient");
        mailServer.stop();
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'SMTP mail server' }.status", org.hamcrest.Matchers.equalTo("DOWN"));

        publish(ticketReceived(ticketId, Plan.PRO, "Pat Ience", email, "en", "Dashboard empty"),
                priorityAssigned(ticketId, Priority.P2, null));
        awaitAttempts(ticketId, 2);

        Instant recovery = Instant.now();
        mailServer.start();

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.sentAt()).isAfterOrEqualTo(recovery);
        assertThat(notified.messageId()).isEqualTo(mail.getMessageID());
        assertThat(Mailbox.to(email)).hasSize(1);
        given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("[0].sentAt", org.hamcrest.Matchers.equalTo(notified.sentAt().toString()));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("SMTP mail server"));
    }

    @Test
    void aMessageStillRefusedAtItsGiveUpTimeIsMarkedFailedAndAnnounced() {
        String ticketId = newTicketId();
        String email = uniqueAddress("unlucky");
        mailServer.stop();
        publish(ticketReceived(ticketId, Plan.FREE, "Un Lucky", email, "en", "Nothing works"),
                priorityAssigned(ticketId, Priority.P3, null));
        awaitAttempts(ticketId, 1);

        TestClock.CLOCK.set(Instant.now().plus(Duration.ofHours(25)));

        NotificationFailed failed = notifications.awaitEvent(EventType.NOTIFICATION_FAILED, ticketId, WAIT);
        assertThat(failed.kind()).isEqualTo(NotificationKind.TICKET_LOGGED);
        assertThat(failed.to()).isEqualTo(email);
        assertThat(failed.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(failed.lastError()).isNotBlank();
        given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("[0].lastError", org.hamcrest.Matchers.notNullValue());
        assertThat(notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId)).isEmpty();
    }

    @Test
    void aMessageLeftPendingByAnEarlierRunIsSentFromItsStoredRetryState() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("restarted");
        Instant requestedAt = Instant.now().minus(Duration.ofMinutes(10));
        QuarkusTransaction.requiringNew().run(() -> leftPendingAfterThreeFailures(ticketId, email, requestedAt));

        MimeMessage mail = Mailbox.awaitOne(email, WAIT);
        assertThat(mail.getSubject()).isEqualTo("Stored before a restart");
        assertThat(mail.getMessageID()).isEqualTo("<" + ticketId + ".ticket-logged@supportflow>");
        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        assertThat(notified.sentAt()).isAfter(requestedAt);
        given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("SENT"))
                // Counting on from the stored three; a send right after an earlier test restarted the
                // mail server may meet a dead pooled connection and take one attempt more.
                .body("[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    /** The row an earlier process left behind: nothing of its retry schedule lives in memory. */
    private static void leftPendingAfterThreeFailures(String ticketId, String email, Instant requestedAt) {
        NotificationEntity stored = new NotificationEntity();
        stored.id = UUID.randomUUID().toString();
        stored.ticketId = ticketId;
        stored.kind = NotificationKind.TICKET_LOGGED;
        stored.recipients = email;
        stored.subject = "Stored before a restart";
        stored.textBody = "text";
        stored.htmlBody = "<p>html</p>";
        stored.messageId = "<" + ticketId + ".ticket-logged@supportflow>";
        stored.status = NotificationStatus.PENDING;
        stored.attempts = 3;
        stored.lastError = "connection refused";
        stored.createdAt = requestedAt;
        stored.nextAttemptAt = requestedAt.plus(Duration.ofMinutes(5));
        stored.giveUpAt = requestedAt.plus(Duration.ofHours(24));
        stored.persist();
    }

    private static void awaitAttempts(String ticketId, int attempts) {
        Awaitility.await(attempts + " failed attempts").atMost(WAIT).until(() -> given()
                .auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("attempts", Integer.class)
                .stream().anyMatch(n -> n >= attempts));
    }
}

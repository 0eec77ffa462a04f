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

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.testing.MailServer;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class MailOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final MailServer mailServer = SharedInfrastructure.mail();
    private TopicReader notifications;

    @BeforeEach
    void readNotifications() {
        notifications = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), Topics.TICKETS_NOTIFICATIONS);
    }

    @AfterEach
    void restore() {
        TestClock.CLOCK.followSystemClock();
        mailServer.stop();
        mailServer.start();
        notifications.close();
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

    private static void awaitAttempts(String ticketId, int attempts) {
        Awaitility.await(attempts + " failed attempts").atMost(WAIT).until(() -> given()
                .auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("attempts", Integer.class)
                .stream().anyMatch(n -> n >= attempts));
    }
}

package io.supportflow.notification;

import static io.restassured.RestAssured.given;
import static io.supportflow.notification.Fixtures.handlingScheduled;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static io.supportflow.notification.WebhookProfile.DEAD;
import static io.supportflow.notification.WebhookProfile.FLAKY;
import static io.supportflow.notification.WebhookProfile.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Recipient;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.WebhookReceiver;
import io.supportflow.testing.WebhookReceiver.Delivery;

/**
 * A webhook is one more way a due row of the outbox is sent: refusals (a non-2xx answer, no answer in time) are
 * retried with the mails' backoff and given up at the give-up time as mails are; an unknown name at once.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final WebhookReceiver receiver = WebhookReceiver.shared();

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @AfterEach
    void restore() {
        receiver.release(SLOW);
        TestClock.CLOCK.followSystemClock();
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheSameSignedDeliveryAgainUntilIt200s() {
        String ticketId = newTicketId();
        receiver.answerNext(FLAKY, 500, 503, 500);
        publish(handlingScheduled(ticketId, Recipient.webhook(FLAKY)));

        CustomerNotified notified = notifications.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, WAIT);
        List<Delivery> attempts = receiver.deliveries(FLAKY, ticketId);
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(Delivery::body).containsOnly(attempts.get(0).body());
        assertThat(attempts).extracting(delivery -> delivery.header("X-SupportFlow-Id"))
                .containsOnly(notified.messageId());
        assertThat(attempts).allMatch(delivery -> delivery.verifiesWith(WebhookProfile.secretOf(FLAKY)));
        assertThat(notified.kind()).isEqualTo(NotificationKind.ON_CALL_PAGE);
        assertThat(notified.to()).isEqualTo(FLAKY);
        Map<String, Object> row = auditRow(ticketId);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 4).containsEntry("channel", "WEBHOOK")
                .containsEntry("sentAt", notified.sentAt().toString());
    }

    @Test
    void aReceiverAlwaysAnswering500IsGivenUpWithNotificationFailedAtTheGiveUpTime() {
        String ticketId = newTicketId();
        receiver.answerAlways(DEAD, 500);
        publish(handlingScheduled(ticketId, Recipient.webhook(DEAD)));
        Awaitility.await("two refused attempts").atMost(WAIT)
                .until(() -> receiver.deliveries(DEAD, ticketId).size() >= 2);
        assertThat(notifications.events(EventType.NOTIFICATION_FAILED, ticketId)).isEmpty();

        TestClock.CLOCK.set(Instant.now().plus(Duration.ofHours(25)));

        NotificationFailed failed = notifications.awaitEvent(EventType.NOTIFICATION_FAILED, ticketId, WAIT);
        assertThat(failed.kind()).isEqualTo(NotificationKind.ON_CALL_PAGE);
        assertThat(failed.to()).isEqualTo(DEAD);
        // Past the give-up time the sender may give up at once or try once more first: either way every try counts.
        assertThat(failed.attempts()).isGreaterThanOrEqualTo(2).isEqualTo(receiver.deliveries(DEAD, ticketId).size());
        assertThat(failed.lastError()).contains("Webhook dead answered HTTP 500");
        assertThat(auditRow(ticketId)).containsEntry("status", "FAILED");
        assertThat(notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId)).isEmpty();
    }

    @Test
    void aWebhookNameNobodyConfiguredFailsAtOnceSayingSo() {
        String ticketId = newTicketId();
        publish(handlingScheduled(ticketId, Recipient.webhook("never-configured")));

        NotificationFailed failed = notifications.awaitEvent(EventType.NOTIFICATION_FAILED, ticketId, WAIT);
        assertThat(failed.to()).isEqualTo("never-configured");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("No webhook named 'never-configured' is configured",
                "supportflow.notification.webhooks.never-configured.url");
        // Given up at its first attempt, a day before its give-up time.
        assertThat(auditRow(ticketId)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
    }

    @Test
    void aWebhookTooSlowToAnswerIsRetriedWhileTheMailOfTheSamePageLeavesBesideIt() {
        String ticketId = newTicketId();
        String oncall = uniqueAddress("oncall");
        receiver.hold(SLOW);
        publish(handlingScheduled(ticketId, Recipient.email(oncall), Recipient.webhook(SLOW)));

        // Side by side: the mail does not wait for the webhook's answer (or its timeout) to leave.
        Awaitility.await("the page's mail").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> !Mailbox.to(oncall).isEmpty());
        Instant mailSeen = Instant.now();
        Awaitility.await("the webhook's first attempt").atMost(WAIT)
                .until(() -> !receiver.deliveries(SLOW, ticketId).isEmpty());
        Delivery firstAttempt = receiver.deliveries(SLOW, ticketId).get(0);
        assertThat(mailSeen).isBefore(firstAttempt.receivedAt().plus(WebhookProfile.WEBHOOK_TIMEOUT));
        Awaitility.await("the timed-out attempt recorded").atMost(WAIT).until(() -> String.valueOf(auditRowOf(ticketId,
                "WEBHOOK").get("lastError")).contains("Webhook slow did not answer within 8000 ms"));
        assertThat(auditRowOf(ticketId, "WEBHOOK")).containsEntry("status", "PENDING");

        receiver.release(SLOW);
        Awaitility.await("delivered after the timeout").atMost(WAIT)
                .until(() -> notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId).size() == 2);
        assertThat(auditRowOf(ticketId, "WEBHOOK")).containsEntry("status", "SENT");
        assertThat((Integer) auditRowOf(ticketId, "WEBHOOK").get("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(Mailbox.to(oncall)).hasSize(1);
    }

    private static Map<String, Object> auditRow(String ticketId) {
        List<Map<String, Object>> rows = audit(ticketId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Map<String, Object> auditRowOf(String ticketId, String channel) {
        return audit(ticketId).stream().filter(row -> channel.equals(row.get("channel"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> audit(String ticketId) {
        return given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}

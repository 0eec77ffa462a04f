package io.supportflow.notification;

import static io.restassured.RestAssured.given;
import static io.supportflow.notification.Fixtures.handlingBreached;
import static io.supportflow.notification.Fixtures.handlingMet;
import static io.supportflow.notification.Fixtures.handlingScheduled;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.slaEscalated;
import static io.supportflow.notification.Fixtures.underNewId;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static io.supportflow.notification.WebhookProfile.PAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Recipient;
import io.supportflow.events.TicketReference;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.WebhookReceiver;
import io.supportflow.testing.WebhookReceiver.Delivery;
import jakarta.mail.internet.MimeMessage;

/** sla names whom to page and escalate to; each gets one mail or one signed POST per cause. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class OnCallPagingTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final WebhookReceiver receiver = WebhookReceiver.shared();

    @TopicClients.Reads(Topics.TICKETS_NOTIFICATIONS)
    private TopicReader notifications;

    @Test
    void aP1At3amPagesTheOnCallMailboxAndTheWebhookWithASignatureTheReceiverVerifies() throws Exception {
        String ticketId = newTicketId();
        String reference = TicketReference.of(ticketId);
        String oncall = uniqueAddress("oncall");
        Instant before = Instant.now();
        publish(handlingScheduled(ticketId, Recipient.email(oncall), Recipient.webhook(PAGER)));

        MimeMessage mail = Mailbox.awaitOne(oncall, WAIT);
        assertThat(mail.getSubject())
                .isEqualTo("[On-call page] " + reference + " P1 ENTERPRISE: handle from 2026-12-04 02:00 UTC");
        assertThat(Mailbox.text(mail)).contains(reference, ticketId, "Plan:        ENTERPRISE", "Priority:    P1",
                        "Handling:    around the clock", "Handle from: 2026-12-04 02:00 UTC",
                        "Due:         2026-12-04 02:30 UTC",
                        "Acknowledge it when you take it up")
                .doesNotContain("http");
        Delivery delivery = awaitDeliveries(PAGER, ticketId, 1).get(0);

        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        assertThat(Long.parseLong(delivery.header("X-SupportFlow-Timestamp")))
                .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(delivery.header("X-SupportFlow-Signature")).matches("sha256=[0-9a-f]{64}");
        assertThat(delivery.verifiesWith(WebhookProfile.secretOf(PAGER))).isTrue();
        assertThat(delivery.verifiesWith(WebhookProfile.secretOf("another"))).isFalse();
        assertThat(WebhookReceiver.verifies(WebhookProfile.secretOf(PAGER), delivery.header("X-SupportFlow-Timestamp"),
                delivery.body().replace("\"P1\"", "\"P4\""), delivery.header("X-SupportFlow-Signature")))
                .as("a tampered body").isFalse();
        JsonPath body = JsonPath.from(delivery.body());
        assertThat(body.getString("id")).isEqualTo(delivery.header("X-SupportFlow-Id"));
        assertThat(body.getMap("$")).containsExactlyInAnyOrderEntriesOf(Map.of("id", body.getString("id"),
                "type", "on-call-page", "ticketId", ticketId, "reference", reference, "plan", "ENTERPRISE",
                "priority", "P1", "handleFrom", "2026-12-04T02:00:00Z", "dueAt", "2026-12-04T02:30:00Z",
                "at", "2026-12-04T02:00:00Z"));

        List<CustomerNotified> notified = awaitNotified(ticketId, 2);
        assertThat(notified).extracting(CustomerNotified::kind).containsOnly(NotificationKind.ON_CALL_PAGE);
        assertThat(notified).extracting(CustomerNotified::to, CustomerNotified::messageId).containsExactlyInAnyOrder(
                tuple(oncall, mail.getMessageID()),
                tuple(PAGER, delivery.header("X-SupportFlow-Id")));
        given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("channel", org.hamcrest.Matchers.containsInAnyOrder("EMAIL", "WEBHOOK"))
                .body("status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("SENT")));
    }

    @Test
    void aRedeliveredSchedulingPagesNobodyAgainWhileARescheduledTicketIsPagedAgain() {
        String ticketId = newTicketId();
        String oncall = uniqueAddress("oncall");
        EventEnvelope scheduled = handlingScheduled(ticketId, Recipient.email(oncall), Recipient.webhook(PAGER));
        publish(scheduled);
        Mailbox.awaitOne(oncall, WAIT);
        awaitDeliveries(PAGER, ticketId, 1);
        awaitNotified(ticketId, 2);

        // The ticket's next event on the same partition is consumed after the redelivery.
        EventEnvelope later = handlingMet(ticketId);
        publish(scheduled, later);
        Awaitility.await("redelivery consumed").atMost(WAIT).until(() -> ProcessedEventsProbe.processed(later.id()));
        assertThat(auditRows(ticketId)).isEqualTo(2);
        assertThat(Mailbox.to(oncall)).hasSize(1);
        assertThat(receiver.deliveries(PAGER, ticketId)).hasSize(1);

        // A priority change schedules the ticket anew: a new event, so a new page.
        publish(underNewId(scheduled));
        Awaitility.await("second page by mail").atMost(WAIT).until(() -> Mailbox.to(oncall).size() == 2);
        List<Delivery> deliveries = awaitDeliveries(PAGER, ticketId, 2);
        assertThat(deliveries.get(1).header("X-SupportFlow-Id"))
                .isNotEqualTo(deliveries.get(0).header("X-SupportFlow-Id"));
    }

    @Test
    void anEscalationLevelReachesItsMailAndWebhookRecipients() throws Exception {
        String ticketId = newTicketId();
        String reference = TicketReference.of(ticketId);
        String lead = uniqueAddress("team-lead");
        publish(slaEscalated(ticketId, 2, EscalationTrigger.HANDLING_BREACH, Recipient.email(lead),
                Recipient.webhook(PAGER)));

        MimeMessage mail = Mailbox.awaitOne(lead, WAIT);
        assertThat(mail.getSubject()).isEqualTo("[Escalation L2] " + reference + " P2 PRO: handling target missed");
        assertThat(Mailbox.text(mail)).contains("reached level 2", "Trigger:  handling target missed",
                "Fired:    2026-12-04 02:45 UTC");
        Delivery delivery = awaitDeliveries(PAGER, ticketId, 1).get(0);
        assertThat(delivery.verifiesWith(WebhookProfile.secretOf(PAGER))).isTrue();
        JsonPath body = JsonPath.from(delivery.body());
        assertThat(body.getString("type")).isEqualTo("escalation");
        assertThat(body.getInt("level")).isEqualTo(2);
        assertThat(body.getString("trigger")).isEqualTo("HANDLING_BREACH");
        assertThat(body.getString("at")).isEqualTo("2026-12-04T02:45:00Z");
        assertThat(body.getMap("$")).doesNotContainKeys("handleFrom", "dueAt");

        assertThat(awaitNotified(ticketId, 2)).extracting(CustomerNotified::kind, CustomerNotified::to)
                .containsExactlyInAnyOrder(tuple(NotificationKind.ESCALATION, lead),
                        tuple(NotificationKind.ESCALATION, PAGER));
    }

    @Test
    void aHandlingBreachOtherSlaEventsAndASchedulingWithoutPagesSendNothing() {
        String ticketId = newTicketId();
        EventEnvelope waiting = handlingScheduled(ticketId);
        EventEnvelope met = handlingMet(ticketId);
        EventEnvelope breached = handlingBreached(ticketId);
        publish(waiting, met, breached);

        // Each is recorded as consumed, none refused (a refused one would roll back and go to the dead letters).
        Awaitility.await("all three consumed").atMost(WAIT).until(() -> ProcessedEventsProbe.processed(waiting.id())
                && ProcessedEventsProbe.processed(met.id()) && ProcessedEventsProbe.processed(breached.id()));
        assertThat(auditRows(ticketId)).isZero();
    }

    private List<Delivery> awaitDeliveries(String webhook, String ticketId, int count) {
        Awaitility.await(count + " deliveries to " + webhook).atMost(WAIT)
                .until(() -> receiver.deliveries(webhook, ticketId).size() >= count);
        return receiver.deliveries(webhook, ticketId);
    }

    private List<CustomerNotified> awaitNotified(String ticketId, int count) {
        Awaitility.await(count + " CustomerNotified").atMost(WAIT)
                .until(() -> notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId).size() >= count);
        return notifications.events(EventType.CUSTOMER_NOTIFIED, ticketId);
    }

    private static int auditRows(String ticketId) {
        return given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }
}

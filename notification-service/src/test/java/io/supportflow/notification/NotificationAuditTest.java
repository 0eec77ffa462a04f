package io.supportflow.notification;

import static io.restassured.RestAssured.given;
import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class NotificationAuditTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String LOGGED = "find { it.kind == 'TICKET_LOGGED' }";

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void opsSeeEveryMessageOfATicketWithRecipientStatusAndSendTime() {
        String ticketId = newTicketId();
        String email = uniqueAddress("audited");
        publish(ticketReceived(ticketId, Plan.PRO, "Audi Ted", email, "en", "Slow search"),
                priorityAssigned(ticketId, Priority.P3, null),
                surveyRequested(ticketId, email, "en", "https://survey.supportflow.example/s/audit"));
        org.awaitility.Awaitility.await("both messages sent").atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);

        given().auth().basic("ops", "ops-dev-password").queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200)
                // Both are created by consumers of different topics, so either may be listed first.
                .body("kind", containsInAnyOrder("TICKET_LOGGED", "SURVEY"))
                .body("status", contains("SENT", "SENT"))
                .body("to", contains(email, email))
                .body(LOGGED + ".messageId", equalTo("<" + ticketId + ".ticket-logged@supportflow>"))
                .body(LOGGED + ".sentAt", notNullValue())
                .body(LOGGED + ".attempts", equalTo(1));
    }

    @Test
    void theAuditIsForOpsOnly() {
        given().queryParam("ticketId", newTicketId()).when().get("/api/v1/notifications").then().statusCode(401);
        given().auth().basic("agent", "agent-dev-password").queryParam("ticketId", newTicketId())
                .when().get("/api/v1/notifications").then().statusCode(403);
    }

    @Test
    void anAuditWithoutTicketIdIsAProblemNamingTheParameter() {
        given().auth().basic("ops", "ops-dev-password")
                .when().get("/api/v1/notifications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("ticketId"));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextTicketIsStillNotified() {
        String poisonKey = newTicketId();
        String ticketId = newTicketId();
        String email = uniqueAddress("after-poison");
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                Topics.deadLetter(Topics.TICKETS_RECEIVED));
             TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            writer.send(Topics.TICKETS_RECEIVED, poisonKey, "{not json",
                    Map.of("ce_id", "poison-" + poisonKey, "ce_type", "supportflow.ticket.received.v1",
                            "ce_time", "2026-11-25T10:00:00Z"));
            publish(ticketReceived(ticketId, Plan.PRO, "Next In Line", email, "en", "Still here"),
                    priorityAssigned(ticketId, Priority.P4, null));

            org.awaitility.Awaitility.await("poison record dead-lettered").atMost(WAIT)
                    .until(() -> !deadLetters.records(r -> poisonKey.equals(r.key())).isEmpty());
            ReceivedRecord dead = deadLetters.records(r -> poisonKey.equals(r.key())).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(dead.headers()).containsKey("dead-letter-reason");
            Mailbox.awaitOne(email, WAIT);
        }
    }
}

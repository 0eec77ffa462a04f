package io.supportflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Topics;
import io.supportflow.testing.ProcessStack;
import io.supportflow.testing.TopicReader;

/**
 * The packaged services on a broker that enforces the principals and ACLs of the cluster description
 * (deploy/kubernetes/strimzi-users.yaml): each service logs in with SCRAM-SHA-512 as the user of its name, with
 * exactly the rights the description gives it, and a ticket still goes all the way — received, triaged, the
 * customer told, the clock met, resolved, surveyed — with no service refused anything on the way.
 */
class SecuredKafkaIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static ProcessStack stack;
    private static TopicReader topics;

    @BeforeAll
    static void startTheServicesAsTheirKafkaUsers() {
        stack = ProcessStack.onSharedPostgresWithKafkaAcls(Path.of("../deploy/kubernetes/strimzi-users.yaml")
                .toAbsolutePath().normalize());
        stack.start(Map.of());
        topics = TopicReader.fromNow(stack.broker().bootstrapServers(), Topics.ALL.toArray(String[]::new));
        given().baseUri(stack.url("intake-service")).urlEncodingEnabled(false).header("X-Api-Key", "dev-billing-key")
                .contentType("text/csv")
                .body("accountId,plan,region,locale\nSECURE-1,BUSINESS,EU,en\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/accounts:import")
                .then().statusCode(200).body("created", equalTo(1));
    }

    @AfterAll
    static void stopThem() {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTicketGoesAllTheWayWithEachServiceLoggedInAsItsOwnUser() {
        String ticketId = given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-web-key")
                .contentType(ContentType.JSON).body("""
                        {"externalRef":"secured-%s",
                         "customer":{"accountId":"SECURE-1","name":"Ada Secure","email":"ada.secure@example.com","locale":"en"},
                         "subject":"Login page does not load","description":"Since this morning the login page stays blank.",
                         "impact":"IMPAIRED","workaround":"NONE"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/tickets").then().statusCode(202).extract().path("ticketId");

        topics.awaitRecord(EventType.PRIORITY_ASSIGNED, ticketId, EVENTUALLY);
        CustomerNotified logged = topics.awaitEvent(EventType.CUSTOMER_NOTIFIED, ticketId, EVENTUALLY);
        assertThat(logged.kind()).isEqualTo(NotificationKind.TICKET_LOGGED);
        topics.awaitRecord(EventType.SLA_MET, ticketId, EVENTUALLY);

        given().baseUri(stack.url("intake-service")).auth().preemptive().basic("agent", "agent-dev-password")
                .contentType(ContentType.JSON).body("{\"note\":\"Cache cleared\"}")
                .post("/api/v1/tickets/" + ticketId + "/resolve").then().statusCode(200);
        topics.awaitRecord(EventType.SURVEY_REQUESTED, ticketId, EVENTUALLY);
        Awaitility.await("the survey mail's CustomerNotified").atMost(EVENTUALLY).until(() -> topics
                .<CustomerNotified>events(EventType.CUSTOMER_NOTIFIED, ticketId).stream()
                .anyMatch(notified -> notified.kind() == NotificationKind.SURVEY
                        && notified.to().equals("ada.secure@example.com")));

        for (String service : ProcessStack.SERVICES) {
            assertThat(stack.service(service).logCount("connected to Kafka brokers '"
                    + stack.broker().scramBootstrapServers() + "'")).as(service + " on the SCRAM listener").isPositive();
            assertThat(stack.service(service).logCount("connected to Kafka brokers '"
                    + stack.broker().bootstrapServers() + "'")).as(service + " on the open listener").isZero();
            assertThat(stack.service(service).logCount("AuthorizationException")).as(service + " refused").isZero();
            assertThat(stack.service(service).logCount("SaslAuthenticationException")).as(service + " login").isZero();
        }
    }
}

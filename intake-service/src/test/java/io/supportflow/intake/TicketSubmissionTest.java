package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class TicketSubmissionTest {

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    static String webTicket(String externalRef, String plan) {
        return """
                {"externalRef":"%s","plan":"%s",
                 "customer":{"accountId":"ACME-7","name":"Ada Lovelace","email":"ada@example.com","locale":"en"},
                 "subject":"Cannot join any meeting","description":"Since 9:00 every join fails.\\nNo workaround.",
                 "impact":"SERVICE_DOWN","workaround":"NONE"}""".formatted(externalRef, plan);
    }

    @Test
    void anAcceptedTicketIsOnTheTopicWithItsCloudEventsHeadersBeforeTheAnswer() {
        String ticketId = given().header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON)
                .body(webTicket("form-" + UUID.randomUUID(), "PRO"))
                .when().post("/api/v1/tickets")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/tickets/[0-9a-f-]{36}"))
                .extract().path("ticketId");

        ReceivedRecord record = received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(5));
        assertThat(record.headers()).containsEntry("ce_type", "supportflow.ticket.received.v1")
                .containsEntry("ce_subject", ticketId)
                .containsEntry("ce_source", "/supportflow/intake-service")
                .containsEntry("ce_specversion", "1.0")
                .containsKeys("ce_id", "ce_time");
        TicketReceived event = (TicketReceived) record.envelope().event();
        assertThat(event.subject()).isEqualTo("Cannot join any meeting");
        assertThat(event.description()).contains("\nNo workaround.");
        assertThat(event.reference()).matches("SF-[0-9A-Z]{8}");
    }

    @Test
    void aRetriedSubmissionYieldsTheSameTicketAndPublishesOnce() {
        String body = webTicket("form-" + UUID.randomUUID(), "BUSINESS");
        String first = given().header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets").then().statusCode(202).extract().path("ticketId");
        given().header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets").then().statusCode(202).body("ticketId", equalTo(first));

        received.awaitRecord(EventType.TICKET_RECEIVED, first, Duration.ofSeconds(5));
        assertThat(received.records(r -> first.equals(r.key()))).hasSize(1);
    }

    @Test
    void aMalformedTicketIsRefusedNamingTheFieldAndNothingIsPublished() {
        String noEmail = webTicket("form-" + UUID.randomUUID(), "PRO").replace("ada@example.com", "not-an-address");
        given().header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON).body(noEmail)
                .post("/api/v1/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("customer.email"));

        String controlProbe = webTicket("probe-" + UUID.randomUUID(), "PRO");
        String probeId = given().header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON).body(controlProbe)
                .post("/api/v1/tickets").then().statusCode(202).extract().path("ticketId");
        received.awaitRecord(EventType.TICKET_RECEIVED, probeId, Duration.ofSeconds(5));
        assertThat(received.records()).extracting(ReceivedRecord::key).containsExactly(probeId);
    }

    @Test
    void aPhoneTicketFromAProCustomerIsForbiddenAndSaysWhichChannelsThePlanIncludes() {
        given().header("X-Api-Key", "dev-phone-key").contentType(ContentType.JSON)
                .body(webTicket("call-" + UUID.randomUUID(), "PRO"))
                .post("/api/v1/tickets")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("The account's PRO plan includes [WEB, CHAT], not PHONE"));
    }

    @Test
    void aSubmissionWithoutAValidApiKeyIsUnauthorized() {
        given().header("X-Api-Key", "guess").contentType(ContentType.JSON)
                .body(webTicket("form-" + UUID.randomUUID(), "PRO"))
                .post("/api/v1/tickets")
                .then().statusCode(401).contentType("application/problem+json");
    }
}

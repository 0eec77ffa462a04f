package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.testing.SupportFlowTestResource;

/** Agents and ops list tickets by status, plan, priority and channel, page by page. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class TicketListTest {

    private final OtherServices services = new OtherServices();

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void filtersNarrowTheListAndEveryListedTicketMatchesThem() {
        String phone = submit(PHONE_KEY, validTicket("ENTERPRISE"));
        String chat = submit(CHAT_KEY, validTicket("FREE"));
        String resolved = submit(WEB_KEY, validTicket("ENTERPRISE"));
        asAgent().contentType("application/json").post(TICKETS + "/" + resolved + "/resolve").then().statusCode(200);
        Instant at = Instant.now();
        services.publish("triage-service", at, new PriorityAssigned(phone, Priority.P1, null, PrioritySource.RULES,
                "service-down", null, null, at));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAgent().get(TICKETS + "/" + phone).then()
                .body("priority", equalTo("P1")));

        asOps().queryParam("plan", "ENTERPRISE").queryParam("channel", "PHONE").queryParam("size", 100)
                .get(TICKETS).then().statusCode(200)
                .body("items.ticketId", hasItem(phone))
                .body("items.ticketId", not(hasItem(resolved)))
                .body("items.plan", everyItem(equalTo("ENTERPRISE")))
                .body("items.channel", everyItem(equalTo("PHONE")));
        asOps().queryParam("status", "RESOLVED").queryParam("size", 100).get(TICKETS).then().statusCode(200)
                .body("items.ticketId", hasItem(resolved))
                .body("items.ticketId", not(hasItem(chat)))
                .body("items.status", everyItem(equalTo("RESOLVED")));
        asAgent().queryParam("priority", "P1").queryParam("status", "OPEN").queryParam("size", 100)
                .get(TICKETS).then().statusCode(200)
                .body("items.ticketId", hasItem(phone))
                .body("items.priority", everyItem(equalTo("P1")));
        asAgent().queryParam("channel", "CHAT").queryParam("plan", "FREE").queryParam("size", 100)
                .get(TICKETS).then().statusCode(200)
                .body("items.ticketId", hasItem(chat));
    }

    @Test
    void pagesDoNotOverlapAndTheTotalCountsEveryMatch() {
        for (int i = 0; i < 3; i++) {
            submit(WEB_KEY, validTicket("API"));
        }
        int total = asAgent().queryParam("plan", "API").queryParam("size", 2).get(TICKETS).then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .extract().path("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<String> first = asAgent().queryParam("plan", "API").queryParam("size", 2).queryParam("page", 0)
                .get(TICKETS).then().extract().path("items.ticketId");
        List<String> second = asAgent().queryParam("plan", "API").queryParam("size", 2).queryParam("page", 1)
                .get(TICKETS).then().extract().path("items.ticketId");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    @Test
    void invalidFiltersAreRefusedNamingEachParameter() {
        asAgent().queryParam("status", "CLOSED").queryParam("plan", "GOLD").queryParam("priority", "P9")
                .queryParam("channel", "FAX").queryParam("page", -1).queryParam("size", 1000)
                .get(TICKETS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "plan", "priority", "channel", "page", "size"));
    }
}

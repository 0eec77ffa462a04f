package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.Impact;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.events.Workaround;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;

/** The ticket view is built from every ticket topic, in any order, each event once. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class TicketViewTest {

    private static final Duration VIEW_LAG = Duration.ofSeconds(20);

    private final OtherServices services = new OtherServices();

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anAcceptedTicketCanBeLookedUpAtOnce() {
        Map<String, Object> ticket = validTicket("BUSINESS");
        TicketRequests.customerOf(ticket).put("locale", "de");
        String ticketId = submit(PHONE_KEY, ticket);

        asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("ticketId", equalTo(ticketId))
                .body("reference", equalTo(TicketReference.of(ticketId)))
                .body("status", equalTo("OPEN"))
                .body("plan", equalTo("BUSINESS"))
                .body("channel", equalTo("PHONE"))
                .body("subject", equalTo("Cannot join any meeting"))
                .body("locale", equalTo("de"))
                .body("sla.state", equalTo("RUNNING"))
                .body("timeline", hasSize(1))
                .body("timeline[0].type", equalTo("supportflow.ticket.received.v1"))
                .body("timeline[0].source", equalTo("/supportflow/intake-service"))
                .body("timeline[0].topic", equalTo(Topics.TICKETS_RECEIVED));
    }

    @Test
    void everyTopicContributesToTheTimelineWithEventTimeAndSource() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        services.publish("triage-service", t0.plusSeconds(1), new PriorityAssigned(ticketId, Priority.P2, null,
                PrioritySource.RULES, "impaired-partial-workaround", "significant impairment", null, t0.plusSeconds(1)));
        services.publish("notification-service", t0.plusSeconds(2), new CustomerNotified(ticketId,
                NotificationKind.TICKET_LOGGED, "ada@example.com", "<m1@example.com>", t0.plusSeconds(2)));
        services.publish("sla-service", t0.plusSeconds(3), new SlaBreached(ticketId, TicketReference.of(ticketId),
                Plan.PRO, Priority.P2, Duration.ofHours(4), t0, t0.plusSeconds(3), t0.plusSeconds(3)));
        services.publish("sla-service", t0.plusSeconds(4), new SlaMet(ticketId, Plan.PRO, Priority.P2,
                Duration.ofHours(4), t0, t0.plusSeconds(3), t0.plusSeconds(4)));
        asAgent().contentType("application/json").body("{\"note\":\"fixed\"}")
                .post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200);
        EventEnvelope survey = services.publish("survey-service", t0.plusSeconds(6), new SurveyRequested(ticketId,
                "s-1", "https://example.com/s/secret-token", "ada@example.com", "en", t0.plusSeconds(600)));
        services.publish("survey-service", t0.plusSeconds(7), new SurveyCompleted(ticketId, "s-1", 5, "Great",
                t0.plusSeconds(7)));

        await().atMost(VIEW_LAG).untilAsserted(() -> asOps().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("timeline", hasSize(8)));
        asOps().get(TICKETS + "/" + ticketId).then()
                .body("status", equalTo("RESOLVED"))
                .body("priority", equalTo("P2"))
                .body("sla.state", equalTo("MET"))
                .body("sla.dueAt", equalTo(t0.plusSeconds(3).toString()))
                .body("timeline.topic", containsInAnyOrder(Topics.BY_TICKET.toArray()))
                .body("timeline.source", containsInAnyOrder("/supportflow/intake-service",
                        "/supportflow/triage-service", "/supportflow/notification-service", "/supportflow/sla-service",
                        "/supportflow/sla-service", "/supportflow/intake-service", "/supportflow/survey-service",
                        "/supportflow/survey-service"))
                .body("timeline.find { it.eventId == '" + survey.id() + "' }.time", equalTo(survey.time().toString()))
                .body("timeline.find { it.eventId == '" + survey.id() + "' }.summary",
                        equalTo("Satisfaction survey sent, open until " + t0.plusSeconds(600)));
    }

    @Test
    void theHandlingClockTheEscalationsAndTheTakeUpAppearInTheTimelineAndLeaveTheResponseStateAlone() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        String reference = TicketReference.of(ticketId);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant due = t0.plus(Duration.ofHours(2));
        Duration target = Duration.ofHours(2);
        services.publish("sla-service", t0, new HandlingScheduled(ticketId, reference, Plan.PRO, Priority.P2,
                HandlingMode.BUSINESS_HOURS_EXTENDED, "berlin", t0, target, due,
                List.of(Recipient.email("oncall@example.com"), Recipient.webhook("pager")), t0));
        services.publish("sla-service", t0.plusSeconds(1), new HandlingWarning(ticketId, Plan.PRO, Priority.P2,
                HandlingMode.BUSINESS_HOURS_EXTENDED, "berlin", t0, target, due, t0.plusSeconds(1)));
        services.publish("sla-service", due, new HandlingBreached(ticketId, reference, Plan.PRO, Priority.P2,
                HandlingMode.BUSINESS_HOURS_EXTENDED, "berlin", t0, target, due, due));
        services.publish("sla-service", due.plusSeconds(1), new SlaEscalated(ticketId, reference, Plan.PRO,
                Priority.P2, 2, EscalationTrigger.HANDLING_BREACH, List.of(Recipient.email("lead@example.com")),
                due.plusSeconds(1)));
        services.publish("sla-service", due.plusSeconds(2), new HandlingBreachRetracted(ticketId, Plan.PRO,
                Priority.P2, HandlingMode.BUSINESS_HOURS_EXTENDED, "berlin", t0, target, due, due.plusSeconds(2)));
        services.publish("sla-service", due.plusSeconds(3), new HandlingMet(ticketId, Plan.PRO, Priority.P2,
                HandlingMode.BUSINESS_HOURS_EXTENDED, "berlin", t0, target, due, t0.plusSeconds(60)));
        asAgent().contentType("application/json").body("{\"assignee\":\"kim\"}")
                .post(TICKETS + "/" + ticketId + "/acknowledge").then().statusCode(200);

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("timeline", hasSize(8)));
        String summary = "timeline.find { it.type == '%s' }.summary";
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("status", equalTo("OPEN"))
                .body("sla.state", equalTo("RUNNING"))
                .body("assignee", equalTo("kim"))
                .body(summary.formatted("supportflow.handling.scheduled.v1"), equalTo("Handling target PT2H (P2, "
                        + "business hours plus extended cover, schedule berlin) from " + t0 + ", due " + due
                        + "; paged oncall@example.com, webhook pager"))
                .body(summary.formatted("supportflow.handling.breached.v1"), equalTo("Handling target PT2H (P2) "
                        + "breached: nobody took the ticket up by " + due))
                .body(summary.formatted("supportflow.sla.escalated.v1"), equalTo("Escalated, level 2 (handling "
                        + "breach), to lead@example.com"))
                .body(summary.formatted("supportflow.ticket.acknowledged.v1"), equalTo("Acknowledged by agent, "
                        + "assigned to kim"))
                .body("timeline.topic", hasItem(Topics.SLA_BREACHES));
    }

    @Test
    void eventsArrivingInReverseOrderGiveTheSameView() {
        String ticketId = UUID.randomUUID().toString();
        Instant received = Instant.parse("2026-03-02T09:00:00Z");
        services.publish("intake-service", received.plusSeconds(3600), new TicketResolved(ticketId,
                received.plusSeconds(3600), "agent", null));
        services.publish("sla-service", received.plusSeconds(600), new SlaMet(ticketId, Plan.API, Priority.P1,
                Duration.ofHours(1), received, received.plusSeconds(3600), received.plusSeconds(600)));
        services.publish("triage-service", received.plusSeconds(300), new PriorityAssigned(ticketId, Priority.P1,
                Priority.P3, PrioritySource.AGENT, "agent", "customer is down", "agent", received.plusSeconds(300)));
        services.publish("triage-service", received.plusSeconds(1), new PriorityAssigned(ticketId, Priority.P3, null,
                PrioritySource.RULES, "feature-problem", "general problem", null, received.plusSeconds(1)));
        services.publish("intake-service", received, new TicketReceived(ticketId, TicketReference.of(ticketId),
                Channel.CHAT, "chat-9", Plan.API, new Customer("API-1", "Bo", "bo@example.com", "en"), "Down",
                "All calls fail", null, Impact.SERVICE_DOWN, Workaround.NONE, received));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("timeline", hasSize(5)));
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("status", equalTo("RESOLVED"))
                .body("priority", equalTo("P1"))
                .body("priorityProvisional", equalTo(false))
                .body("sla.state", equalTo("MET"))
                .body("receivedAt", equalTo(received.toString()))
                .body("lastEventAt", equalTo(received.plusSeconds(3600).toString()))
                .body("timeline.time", contains(List.of(received, received.plusSeconds(1), received.plusSeconds(300),
                        received.plusSeconds(600), received.plusSeconds(3600)).stream().map(Instant::toString).toArray()));
    }

    @Test
    void aReviewRequestMakesThePriorityProvisionalUntilAnAgentDecides() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        Instant requested = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        services.publish("triage-service", requested, new TriageReviewRequested(ticketId, Priority.P3,
                "outage words, minimal impact", requested, Priority.P1));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("priorityProvisional", equalTo(true)));
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("priority", equalTo("P3"))
                .body("priorityProvisionalSince", equalTo(requested.toString()))
                .body("timeline.find { it.topic == 'tickets.priority' }.summary", equalTo("Triage review requested "
                        + "(outage words, minimal impact): provisional P3 until an agent confirms it; the response "
                        + "clock runs on P1 meanwhile"));
        assertListed(ticketId, "P3", true, requested.toString());

        Instant decided = requested.plusSeconds(90);
        services.publish("triage-service", decided, new PriorityAssigned(ticketId, Priority.P1, Priority.P3,
                PrioritySource.AGENT, "agent", "customer is down", "kim", decided));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("priorityProvisional", equalTo(false)));
        asAgent().get(TICKETS + "/" + ticketId).then()
                .body("priority", equalTo("P1"))
                .body("priorityProvisionalSince", nullValue())
                .body("timeline", hasSize(3));
        assertListed(ticketId, "P1", false, null);
    }

    /** The ticket's line in the list of open PRO tickets of its priority (newest first: it was just received). */
    private static void assertListed(String ticketId, String priority, boolean provisional, String since) {
        String item = "items.find { it.ticketId == '" + ticketId + "' }";
        asOps().queryParam("plan", "PRO").queryParam("status", "OPEN").queryParam("priority", priority)
                .queryParam("size", 100)
                .get(TICKETS).then().statusCode(200)
                .body(item + ".priorityProvisional", equalTo(provisional))
                .body(item + ".priorityProvisionalSince", equalTo(since));
    }

    @Test
    void aRedeliveredEventAppearsOnceInTheTimeline() {
        String ticketId = submit(WEB_KEY, validTicket("EDUCATION"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope notified = services.publish("notification-service", at, new CustomerNotified(ticketId,
                NotificationKind.TICKET_LOGGED, "ada@example.com", "<m2@example.com>", at));
        services.publish(notified);
        services.publish("sla-service", at.plusSeconds(1), new SlaMet(ticketId, Plan.EDUCATION, Priority.P3,
                Duration.ofHours(24), at, at.plusSeconds(86400), at.plusSeconds(1)));
        services.publish(notified);
        services.publish("triage-service", at.plusSeconds(2), new PriorityAssigned(ticketId, Priority.P3, null,
                PrioritySource.RULES, "default", null, null, at.plusSeconds(2)));

        await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                .body("timeline", hasSize(4)).body("priority", equalTo("P3")).body("sla.state", equalTo("MET")));
        List<String> ids = asAgent().get(TICKETS + "/" + ticketId).then().extract().path("timeline.eventId");
        assertThat(ids).containsOnlyOnce(notified.id());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheViewGoesOn() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                Topics.deadLetter(Topics.TICKETS_PRIORITY))) {
            services.sendRaw(Topics.TICKETS_PRIORITY, ticketId, "{not json", Map.of(
                    "ce_id", "poison-" + ticketId, "ce_type", "supportflow.priority.assigned.v1",
                    "ce_time", Instant.now().toString(), "ce_source", "/supportflow/broken"));
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            services.publish("triage-service", at, new PriorityAssigned(ticketId, Priority.P4, null,
                    PrioritySource.RULES, "question", null, null, at));

            await().atMost(VIEW_LAG).untilAsserted(() -> asAgent().get(TICKETS + "/" + ticketId).then()
                    .body("priority", equalTo("P4")));
            await().atMost(VIEW_LAG).until(() -> !deadLetters.records(r -> ticketId.equals(r.key())).isEmpty());
        }
    }

    @Test
    void onlyAgentsAndOpsMayReadTickets() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        given().get(TICKETS + "/" + ticketId).then().statusCode(401);
        given().header("X-Api-Key", WEB_KEY).get(TICKETS + "/" + ticketId).then().statusCode(401);
        given().auth().preemptive().basic("agent", "wrong").get(TICKETS).then().statusCode(401);
        asAgent().get(TICKETS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asOps().get(TICKETS + "/" + ticketId).then().statusCode(200);
    }
}

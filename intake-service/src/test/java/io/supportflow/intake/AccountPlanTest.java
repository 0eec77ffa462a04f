package io.supportflow.intake;

import static io.supportflow.intake.AccountRequests.newAccountId;
import static io.supportflow.intake.AccountRequests.register;
import static io.supportflow.intake.AccountRequests.ticketFor;
import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** A ticket runs on its account's plan, whatever plan its adapter names; the difference is recorded. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AccountPlanTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @Test
    void aTicketClaimingBusinessForAFreeAccountRunsOnFreeWithTheClaimRecordedAndCounted() {
        String account = newAccountId();
        register(account, "FREE");
        double mismatchesBefore = mismatches();

        String ticketId = submit(WEB_KEY, ticketFor(account, "BUSINESS"));

        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, SOON);
        assertThat(event.plan()).isEqualTo(Plan.FREE);
        assertThat(event.claimedPlan()).isEqualTo(Plan.BUSINESS);
        asAgent().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("plan", equalTo("FREE")).body("claimedPlan", equalTo("BUSINESS"));
        assertThat(mismatches()).isEqualTo(mismatchesBefore + 1);
    }

    @Test
    void aFreeAccountCannotUseThePhoneWhateverPlanItsAdapterNames() {
        String account = newAccountId();
        register(account, "FREE");

        post(PHONE_KEY, ticketFor(account, "BUSINESS")).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The account's FREE plan includes [WEB, CHAT], not PHONE"));

        assertNothingPublishedBefore(received);
    }

    @Test
    void aTicketMayLeaveThePlanOutAndRunsOnTheAccountsPlanAsItIsWhenReceived() {
        String account = newAccountId();
        register(account, "ENTERPRISE");
        Map<String, Object> ticket = ticketFor(account, null);
        ticket.remove("plan");

        TicketReceived first = received.awaitEvent(EventType.TICKET_RECEIVED, submit(PHONE_KEY, ticket), SOON);
        AccountRequests.put(account, "{\"plan\":\"PRO\"}").statusCode(200);
        TicketReceived second = received.awaitEvent(EventType.TICKET_RECEIVED,
                submit(WEB_KEY, ticketFor(account, "PRO")), SOON);

        assertThat(first.plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(first.claimedPlan()).isNull();
        assertThat(second.plan()).isEqualTo(Plan.PRO);
        assertThat(second.claimedPlan()).isNull();
    }


    /** The counter as Micrometer's Prometheus endpoint shows it; 0 before the first mismatch. */
    private static double mismatches() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("intake_tickets_plan_mismatched_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}

package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.SlaWarning;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/**
 * The SLA policy over the API: changed whole against the version read, refused whole when a cell is wrong, and
 * applied to the open clocks at once, the verdicts reached before standing under the version they name.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class SlaPolicyApiTest extends SlaTestBase {

    private static final String POLICY = "/api/v1/sla/policy";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TopicClients.Reads(Topics.SLA_POLICIES)
    TopicReader policies;

    private Map<String, Object> shipped;

    @BeforeEach
    void readThePolicyInForce() {
        shipped = ops().get(POLICY).then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Later tests judge under the policy they expect: the one in force before this test, as a newer version. */
    @AfterEach
    void restoreThePolicy() {
        Response current = ops().get(POLICY);
        ops().header("If-Match", current.header("ETag")).contentType(ContentType.JSON).body(shipped).put(POLICY)
                .then().statusCode(200);
    }

    @Test
    void aChangeMadeAgainstTheVersionInForceIsTheNextVersionAndPublishedOnSlaPolicies() {
        Response before = ops().get(POLICY);
        int version = before.jsonPath().getInt("version");

        Response changed = put(before.header("ETag"), withResponseTarget("PRO", "P3", "PT12H"));

        changed.then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"")
                .body("version", equalTo(version + 1)).body("changedBy", equalTo("ops"))
                .body("responseTargets.PRO.P3", equalTo("PT12H"));
        SlaPolicyChanged published = Awaitility.await("version " + (version + 1) + " on sla.policies").atMost(SOON)
                .until(() -> policies.<SlaPolicyChanged>events(EventType.SLA_POLICY_CHANGED, SlaPolicyChanged.KEY)
                        .stream().filter(policy -> policy.version() == version + 1).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(published.responseTarget(Plan.PRO, Priority.P3)).isEqualTo(Duration.ofHours(12));
        given().get("/api/v1/sla/policies").then().statusCode(200);
    }

    @Test
    void aChangeAgainstAStaleVersionIs412AndChangesNothing() {
        Response before = ops().get(POLICY);
        put(before.header("ETag"), withResponseTarget("PRO", "P3", "PT12H")).then().statusCode(200);

        put(before.header("ETag"), withResponseTarget("PRO", "P3", "PT6H")).then().statusCode(412)
                .contentType("application/problem+json");
        put(null, withResponseTarget("PRO", "P3", "PT6H")).then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));

        ops().get(POLICY).then().body("responseTargets.PRO.P3", equalTo("PT12H"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPolicyWithBadCellsIs400NamingEachAndChangesNothing() {
        Response before = ops().get(POLICY);
        Map<String, Object> bad = withResponseTarget("PRO", "P2", "PT0S");
        bad.put("warningFractions", List.of(1.5));
        ((List<Map<String, Object>>) bad.get("escalations")).get(0).put("recipients", List.of("pager duty"));
        ((Map<String, Object>) bad.get("entitlements")).remove("FREE");

        put(before.header("ETag"), bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("responseTargets.PRO.P2", "warningFractions[0]",
                        "escalations[0].recipients[0]", "entitlements.FREE"));
        put(before.header("ETag"), Map.of("responseTargets", Map.of("GOLD", Map.of("P1", "PT1H")))).then()
                .statusCode(400).contentType("application/problem+json");

        ops().get(POLICY).then().header("ETag", before.header("ETag"))
                .body("responseTargets.PRO.P2", equalTo(shippedTarget("PRO", "P2")));
        given().auth().preemptive().basic("agent", "agent-dev-password").header("If-Match", before.header("ETag"))
                .contentType(ContentType.JSON).body(shipped).put(POLICY)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPolicyThatCouldNotBeAppliedOrThatMovesAnEscalationLevelIs400AndChangesNothing() {
        Response before = ops().get(POLICY);
        Map<String, Object> nulls = JSON.convertValue(shipped, Map.class);
        ((Map<String, Object>) nulls.get("handling")).put("extendedCover", java.util.Arrays.asList("PRO", null));
        ((Map<String, Object>) nulls.get("handling")).put("schedules", java.util.Collections.singletonMap("PRO", null));
        Map<String, Object> moved = JSON.convertValue(shipped, Map.class);
        List<Object> levels = (List<Object>) moved.get("escalations");
        levels.add(0, levels.remove(levels.size() - 1));

        put(before.header("ETag"), nulls).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("handling.extendedCover", "handling.schedules.PRO"));
        put(before.header("ETag"), moved).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("escalations[0]"));
        put("W/" + before.header("ETag"), shipped).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));

        ops().get(POLICY).then().header("ETag", before.header("ETag"));
    }

    @Test
    void aChangeThatSaysWhatThePolicyInForceSaysMakesNoNewVersion() {
        Response before = ops().get(POLICY);

        put(before.header("ETag"), shipped).then().statusCode(200).header("ETag", before.header("ETag"));

        ops().get(POLICY).then().header("ETag", before.header("ETag"));
    }

    @Test
    void anOpenClocksDueTimeMovesWithItsTargetAndTheVerdictsReachedBeforeStandUnderTheirVersion() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.BUSINESS, start));
        publishAndAwait(ticket.assigned(Priority.P2, start.plusSeconds(5)));
        setClock(start.plus(Duration.ofHours(3)));
        SlaWarning warned = sla.awaitEvent(EventType.SLA_WARNING, ticket.ticketId(), SOON);
        int version = ops().get(POLICY).jsonPath().getInt("version");
        assertThat(warned.policyVersion()).isEqualTo(version);
        clock(ticket).body("dueAt", equalTo(start.plus(Duration.ofHours(4)).toString()));

        put("\"" + version + "\"", withResponseTarget("BUSINESS", "P2", "PT2H")).then().statusCode(200);

        SlaBreached breach = sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);
        assertThat(breach.policyVersion()).isEqualTo(version + 1);
        assertThat(breach.dueAt()).isEqualTo(start.plus(Duration.ofHours(2)));
        clock(ticket).body("dueAt", equalTo(start.plus(Duration.ofHours(2)).toString()))
                .body("state", equalTo("BREACHED"));
        assertThat(sla.<SlaWarning>events(EventType.SLA_WARNING, ticket.ticketId()))
                .extracting(SlaWarning::policyVersion).containsExactly(version);
    }

    @Test
    void aTicketMetBeforeAChangeStaysMetInTheReportUnderTheTargetItWasMetOn() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publish(ticket.received(Plan.PRO, start), ticket.assigned(Priority.P2, start.plusSeconds(5)));
        publishAndAwait(ticket.logged(start.plus(Duration.ofHours(3))));
        sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
        Response before = ops().get(POLICY);

        put(before.header("ETag"), withResponseTarget("PRO", "P2", "PT2H")).then().statusCode(200);

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofMinutes(1)).toString())
                .get("/api/v1/sla/report").then().statusCode(200)
                .body("rows[0].plan", equalTo("PRO")).body("rows[0].met", equalTo(1))
                .body("rows[0].breached", equalTo(0));
        clock(ticket).body("state", equalTo("MET")).body("dueAt", equalTo(start.plus(Duration.ofHours(4)).toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandlingPlanNobodyHasTakenUpIsMadeAgainUnderANewTargetPagingNobody() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.BUSINESS, start));
        publishAndAwait(ticket.assigned(Priority.P3, start.plusSeconds(5)));
        HandlingScheduled first = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        int version = ops().get(POLICY).jsonPath().getInt("version");
        Map<String, Object> policy = JSON.convertValue(shipped, Map.class);
        ((Map<String, Map<String, Object>>) ((Map<String, Object>) policy.get("handling")).get("targets"))
                .get("BUSINESS").put("P3", "PT5H");

        put("\"" + version + "\"", policy).then().statusCode(200);

        HandlingScheduled again = Awaitility.await("the handling plan made again under version " + (version + 1))
                .atMost(SOON).until(() -> sla.<HandlingScheduled>events(EventType.HANDLING_SCHEDULED, ticket.ticketId())
                        .stream().filter(plan -> Integer.valueOf(version + 1).equals(plan.policyVersion()))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(first.policyVersion()).isEqualTo(version);
        assertThat(first.target()).isEqualTo(Duration.ofHours(10));
        assertThat(again.target()).isEqualTo(Duration.ofHours(5));
        assertThat(again.handleFrom()).isEqualTo(first.handleFrom());
        assertThat(again.paged()).isEmpty();
    }

    private ValidatableResponse clock(Tickets ticket) {
        return ops().get("/api/v1/sla/tickets/" + ticket.ticketId()).then().statusCode(200);
    }

    private Response put(String ifMatch, Map<String, Object> policy) {
        RequestSpecification request = ops().contentType(ContentType.JSON).body(policy);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).put(POLICY);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withResponseTarget(String plan, String priority, String target) {
        Map<String, Object> policy = JSON.convertValue(shipped, Map.class);
        ((Map<String, Map<String, Object>>) policy.get("responseTargets")).get(plan).put(priority, target);
        return policy;
    }

    @SuppressWarnings("unchecked")
    private String shippedTarget(String plan, String priority) {
        return (String) ((Map<String, Map<String, Object>>) shipped.get("responseTargets")).get(plan).get(priority);
    }

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }
}

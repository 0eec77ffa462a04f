package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.testing.HostileInput;
import io.supportflow.testing.HostileInput.Kind;
import io.supportflow.testing.HostileUrl;
import io.supportflow.testing.RawHttp;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;
import jakarta.inject.Inject;

/**
 * The hostile-input table on sla's ops endpoints. A simulation is a pure computation: whatever its
 * body, a hostile one is refused naming the field and nothing is stored or published, which the last
 * test proves for the whole table by reading the SLA topics to their end. The GET endpoints refuse
 * hostile ids and parameters as problem+json naming the parameter, never with a 500 or an echo.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String SIMULATE = "/api/v1/sla/simulate";
    private static final String[] TABLES = {"sla_clock", "sla_priority_change", "sla_satisfaction", "outbox_event",
            "processed_event"};
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A PRO P1 ticket answered in 10 minutes, so every simulation has a clock to recompute. */
    private static final Instant RECEIVED = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
    private static final String FROM = RECEIVED.minus(Duration.ofHours(1)).toString();
    private static final String TO = RECEIVED.plus(Duration.ofHours(1)).toString();

    @Inject
    DataSource database;

    /** Opened once the seeded ticket is met: from then on the table must publish nothing. */
    private static TopicReader slaTopics;

    @BeforeAll
    static void seedAMetTicketThenReadTheSlaTopics() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        try (TopicReader seeding = TopicReader.fromNow(bootstrap, Topics.SLA_EVENTS)) {
            publishMetTicket(seeding);
        }
        slaTopics = TopicReader.fromNow(bootstrap, Topics.SLA_EVENTS, Topics.SLA_BREACHES);
    }

    private static String publishMetTicket(TopicReader reader) {
        Tickets ticket = Tickets.newTicket();
        try (TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            writer.publish(ticket.received(Plan.PRO, RECEIVED));
            writer.publish(ticket.assigned(Priority.P1, RECEIVED));
            writer.publish(ticket.logged(RECEIVED.plus(Duration.ofMinutes(10))));
        }
        reader.awaitRecord(EventType.SLA_MET, ticket.ticketId(), WAIT);
        return ticket.ticketId();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void lastOfAllTheSlaTopicsHoldOnlyTheProbesEventsNothingOfTheTable() {
        try (TopicReader reader = slaTopics) {
            String probeId = publishMetTicket(reader);
            assertThat(reader.records()).extracting(ReceivedRecord::key).containsOnly(probeId);
        }
    }

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    private static Map<String, Object> simulation() {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("P1", "PT2H"));
        Map<String, Object> targets = new LinkedHashMap<>(Map.of("PRO", row));
        return new LinkedHashMap<>(Map.of("from", FROM, "to", TO, "targets", targets));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(Map<String, Object> simulation) {
        return (Map<String, Object>) simulation.get("targets");
    }

    /** Posts a simulation that must be refused naming {@code field}, and proves nothing was stored. */
    private void assertRefused(String body, int status, String field) {
        assertRefused(body, status, field, null);
    }

    private void assertRefused(String body, int status, String field, String neverEchoed) {
        long before = StoredRows.count(database, TABLES);
        Response answer = ops().contentType(ContentType.JSON).body(body).post(SIMULATE);
        answer.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            answer.then().body("errors.field", hasItem(field));
        }
        if (neverEchoed != null) {
            assertThat(answer.asString()).doesNotContain(neverEchoed);
        }
        assertThat(StoredRows.count(database, TABLES)).isEqualTo(before);
    }

    @Test
    @Order(1)
    void aValidSimulationAnswersAndStoresNothing() {
        long before = StoredRows.count(database, TABLES);

        ops().contentType(ContentType.JSON).body(HostileInput.asciiJson(simulation())).post(SIMULATE)
                .then().statusCode(200).body("rows.find { it.plan == 'PRO' && it.priority == 'P1' }.met", greaterThanOrEqualTo(1));
        assertThat(StoredRows.count(database, TABLES)).isEqualTo(before);
    }

    /** Each string of a simulation: the period's ends, a plan and a priority (map keys) and a target. */
    enum SimulationField {
        FROM("from", (simulation, text) -> simulation.put("from", text)),
        TO("to", (simulation, text) -> simulation.put("to", text)),
        PLAN("targets", (simulation, text) -> targets(simulation).put(text, Map.of("P1", "PT2H"))),
        PRIORITY("targets.PRO", (simulation, text) -> targets(simulation).put("PRO", Map.of(text, "PT2H"))),
        TARGET("targets.PRO.P1", (simulation, text) -> targets(simulation).put("PRO", Map.of("P1", text)));

        final String path;
        final BiConsumer<Map<String, Object>, String> set;

        SimulationField(String path, BiConsumer<Map<String, Object>, String> set) {
            this.path = path;
            this.set = set;
        }
    }

    /** A lone surrogate in a key breaks the JSON parser itself, before any field is read: only the body can be named. */
    private static String namedFor(SimulationField field, HostileInput.Case text) {
        boolean key = field == SimulationField.PLAN || field == SimulationField.PRIORITY;
        return key && text.kind() == Kind.INVALID_UNICODE ? "body" : field.path;
    }

    static Stream<Arguments> everyTextInEveryField() {
        return Stream.of(SimulationField.values()).flatMap(field ->
                HostileInput.texts().stream().map(text -> Arguments.of(field, text)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyTextInEveryField")
    void aHostileTextInAnyFieldIsRefusedNamingItWithoutEchoingIt(SimulationField field, HostileInput.Case text) {
        Map<String, Object> simulation = simulation();
        field.set.accept(simulation, text.value());

        assertRefused(HostileInput.asciiJson(simulation), 400, namedFor(field, text), text.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#malformedJsonBodies")
    void aMalformedBodyIsRefusedWith400Problem(HostileInput.Body body) {
        assertRefused(body.text(), 400, null);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413Problem() {
        Map<String, Object> simulation = simulation();
        simulation.put("from", HostileInput.oversized(128 * 1024));

        assertRefused(HostileInput.asciiJson(simulation), 413, "body");
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("from", "{\"from\": true, \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"from\": [\"" + FROM + "\"], \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"from\": {\"at\": 1}, \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"from\": 1.5e300, \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"from\": \"-1000000000-01-01T00:00:00Z\", \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"from\": \"2026-02-30T00:00:00Z\", \"to\": \"" + TO + "\"}"),
                Arguments.of("from", "{\"to\": \"" + TO + "\"}"),
                Arguments.of("to", "{\"from\": \"" + FROM + "\", \"to\": false}"),
                Arguments.of("to", "{\"from\": \"" + FROM + "\", \"to\": \"+1000000000-12-31T23:59:59Z\"}"),
                Arguments.of("to", "{\"from\": \"" + TO + "\", \"to\": \"" + FROM + "\"}"),
                Arguments.of("to", "{\"from\": \"" + FROM + "\", \"to\": \"" + FROM + "\"}"),
                Arguments.of("targets", "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\", \"targets\": \"PRO\"}"),
                Arguments.of("targets", "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\", \"targets\": [1]}"),
                Arguments.of("targets", "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\", \"targets\": {\"GOLD\": {}}}"),
                Arguments.of("targets", "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\", \"targets\": {\"pro\": {}}}"),
                Arguments.of("targets.PRO", target("\"PT2H\"")),
                Arguments.of("targets.PRO", "{\"from\": \"" + FROM + "\", \"to\": \"" + TO
                        + "\", \"targets\": {\"PRO\": {\"P5\": \"PT1H\"}}}"),
                Arguments.of("targets.PRO.P1", target("{\"P1\": true}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": [\"PT1H\"]}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": \"2 hours\"}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": \"PT0S\"}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": \"-PT1H\"}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": null}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": \"PT2562047788015215H\"}")),
                Arguments.of("targets.PRO.P1", target("{\"P1\": 1e300}")));
    }

    private static String target(String proRow) {
        return "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\", \"targets\": {\"PRO\": " + proRow + "}}";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wrongValues")
    void aWrongTypeOrOutOfRangeValueIsRefusedNamingIt(String field, String body) {
        assertRefused(body, 400, field);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415Problem() {
        long before = StoredRows.count(database, TABLES);

        ops().contentType(ContentType.XML).body("<simulation/>").post(SIMULATE)
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(StoredRows.count(database, TABLES)).isEqualTo(before);
    }

    static Stream<HostileUrl> hostileUrls() {
        return Stream.of(
                HostileUrl.ids("/api/v1/sla/tickets/", "id"),
                HostileUrl.values("/api/v1/sla/at-risk", "limit", ""),
                HostileUrl.values("/api/v1/sla/breaches", "from", "to=" + TO),
                HostileUrl.values("/api/v1/sla/report", "to", "from=" + FROM),
                HostileUrl.values("/api/v1/sla/console/satisfaction", "from", "to=" + TO),
                HostileUrl.values("/api/v1/sla/console/triage-agreement", "to", "from=" + FROM),
                Stream.of(
                        HostileUrl.wrong("/api/v1/sla/at-risk", "limit", "0", ""),
                        HostileUrl.wrong("/api/v1/sla/at-risk", "limit", "501", ""),
                        HostileUrl.wrong("/api/v1/sla/at-risk", "limit", "-1", ""),
                        HostileUrl.wrong("/api/v1/sla/at-risk", "limit", "2.5", ""),
                        HostileUrl.wrong("/api/v1/sla/at-risk", "limit", "99999999999", ""),
                        HostileUrl.wrong("/api/v1/sla/breaches", "from", "2026-03-02", "to=" + TO),
                        HostileUrl.wrong("/api/v1/sla/breaches", "from", "-1000000000-01-01T00:00:00Z", "to=" + TO),
                        HostileUrl.wrong("/api/v1/sla/breaches", "to", "+1000000000-12-31T23:59:59Z", "from=" + FROM),
                        HostileUrl.wrong("/api/v1/sla/report", "to", FROM, "from=" + TO),
                        HostileUrl.wrong("/api/v1/sla/report", "from", "2026-02-30T00:00:00Z", "to=" + TO),
                        HostileUrl.wrong("/api/v1/sla/report", "from", "2026-13-01T00:00:00Z", "to=" + TO),
                        HostileUrl.wrong("/api/v1/sla/console/satisfaction", "to", "tomorrow", "from=" + FROM),
                        HostileUrl.wrong("/api/v1/sla/console/satisfaction", "from", "+1000000000-01-01T00:00:00Z",
                                "to=" + TO),
                        HostileUrl.wrong("/api/v1/sla/console/triage-agreement", "from", "2026-03-02", "to=" + TO)))
                .flatMap(urls -> urls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUrls")
    void aHostileIdOrParameterIsRefusedAsAProblemNamingItWithoutEchoingIt(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("ops", "ops-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
    }
}

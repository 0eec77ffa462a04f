package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.customerOf;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;

/** Who may call what, and what never reaches a log. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class SecurityTest {

    private static final String KEY_REQUIRED = "A valid X-Api-Key header is required";

    static Stream<Arguments> peopleEndpoints() {
        return Stream.of(
                Arguments.of("GET", TICKETS),
                Arguments.of("GET", TICKETS + "/any-ticket"),
                Arguments.of("POST", TICKETS + "/any-ticket/acknowledge"),
                Arguments.of("POST", TICKETS + "/any-ticket/resolve"),
                Arguments.of("POST", TICKETS + "/any-ticket/reopen"),
                Arguments.of("POST", "/api/v1/admin/ticket-view/rebuild"));
    }

    /** Endpoints of one role, with a known person who lacks it (both roles read tickets). */
    static Stream<Arguments> oneRoleEndpoints() {
        return Stream.of(
                Arguments.of("POST", TICKETS + "/any-ticket/acknowledge", "ops", "ops-dev-password"),
                Arguments.of("POST", TICKETS + "/any-ticket/resolve", "ops", "ops-dev-password"),
                Arguments.of("POST", TICKETS + "/any-ticket/reopen", "ops", "ops-dev-password"),
                Arguments.of("POST", "/api/v1/admin/ticket-view/rebuild", "agent", "agent-dev-password"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peopleEndpoints")
    void withoutValidCredentialsAPersonsEndpointAnswers401(String method, String path) {
        request().request(method, path).then().statusCode(401);
        request().auth().preemptive().basic("agent", "wrong-password").request(method, path).then().statusCode(401);
        request().header("X-Api-Key", WEB_KEY).request(method, path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("oneRoleEndpoints")
    void aPersonWithoutTheRoleIsForbidden(String method, String path, String user, String password) {
        request().auth().preemptive().basic(user, password).request(method, path).then().statusCode(403);
    }

    private static RequestSpecification request() {
        return given().contentType("application/json").body("{}");
    }

    @Test
    void aChannelKeyIsNotAPersonAndAPersonIsNotAChannel() {
        given().auth().preemptive().basic("agent", "agent-dev-password").contentType("application/json")
                .body(TicketRequests.json(validTicket("PRO"))).post(TICKETS).then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo(KEY_REQUIRED));
        post("dev-web-ke", validTicket("PRO")).statusCode(401).contentType("application/problem+json");
        post("DEV-WEB-KEY", validTicket("PRO")).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void withoutAKeyOrWithAnUnknownOneTheTicketEndpointAnswers401ProblemBeforeReadingTheBody() {
        given().contentType("application/json").body(TicketRequests.json(validTicket("PRO"))).post(TICKETS)
                .then().statusCode(401).contentType("application/problem+json").body("detail", equalTo(KEY_REQUIRED));
        post("", validTicket("PRO")).statusCode(401).body("detail", equalTo(KEY_REQUIRED));
        post("a-guessed-key", "{not json").statusCode(401).body("detail", equalTo(KEY_REQUIRED));
    }

    @Test
    void neitherApiKeysNorPasswordsNorWhatCustomersWroteAppearInTheLog() {
        Map<String, Object> ticket = validTicket("BUSINESS");
        String description = "Secret-looking description " + System.nanoTime();
        String email = "private." + System.nanoTime() + "@example.com";
        ticket.put("description", description);
        customerOf(ticket).put("email", email);
        String note = "Private resolution note " + System.nanoTime();

        try (LogCapture log = LogCapture.start();
             TopicReader lifecycle = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                     Topics.TICKETS_LIFECYCLE)) {
            Logger.getLogger(SecurityTest.class).info("log capture is listening");
            post("a-guessed-key-0123456789", ticket).statusCode(401);
            String ticketId = submit(WEB_KEY, ticket);
            asAgent().contentType("application/json").body("{\"note\":\"" + note + "\"}")
                    .post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200);
            lifecycle.awaitRecord(EventType.TICKET_RESOLVED, ticketId, Duration.ofSeconds(30));
            given().auth().preemptive().basic("agent", "not-the-agent-password").get(TICKETS).then().statusCode(401);

            assertThat(log.text()).contains("log capture is listening")
                    .doesNotContain(WEB_KEY, "a-guessed-key-0123456789", "agent-dev-password",
                            "not-the-agent-password", description, email, note);
        }
    }
}

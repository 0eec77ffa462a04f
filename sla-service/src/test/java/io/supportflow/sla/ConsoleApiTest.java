package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.testing.HostileUrl;
import io.supportflow.testing.RawHttp;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter.Outgoing;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConsoleApiTest extends SlaTestBase {

    /** Earlier than every other test's tickets, so these clocks lead the console's list. */
    private static final Instant EARLY = Instant.parse("2026-01-05T08:00:00Z");
    /**
     * A Monday, 02:00 in Berlin, earlier still: at this time no other test's handling clock has started, so the
     * console's running handling clocks are this test's alone.
     */
    private static final Instant EARLIEST = Instant.parse("2025-12-01T01:00:00Z");
    private static final String HANDLING_SECTIONS = "/api/v1/sla/console/";

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    @Test
    void openClocksComeLeastTimeLeftFirstWithTheirState() {
        Tickets breached = Tickets.newTicket();
        Tickets warned = Tickets.newTicket();
        Tickets onTrack = Tickets.newTicket();
        setClock(EARLY);
        publishAndAwait(breached.received(Plan.PRO, EARLY));
        publishAndAwait(breached.assigned(Priority.P1, EARLY));
        publishAndAwait(warned.received(Plan.PRO, EARLY));
        publishAndAwait(warned.assigned(Priority.P2, EARLY));
        publishAndAwait(onTrack.received(Plan.FREE, EARLY));
        setClock(EARLY.plus(Duration.ofHours(3).plusMinutes(30)));
        sla.awaitEvent(EventType.SLA_BREACHED, breached.ticketId(), SOON);
        sla.awaitEvent(EventType.SLA_WARNING, warned.ticketId(), SOON);

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();

        assertThat(clocks.getList("ticketId", String.class).subList(0, 3))
                .containsExactly(breached.ticketId(), warned.ticketId(), onTrack.ticketId());
        assertThat(clocks.getList("state", String.class).subList(0, 3)).containsExactly("BREACHED", "WARNED", "ON_TRACK");
        assertThat(clocks.getLong("[0].timeLeftSeconds")).isEqualTo(-Duration.ofMinutes(150).toSeconds());
    }

    @Test
    void aReviewTicketsClockRunsOnItsStrictestPlausiblePriorityAndShowsItIsProvisional() {
        Tickets ticket = Tickets.newTicket();
        Instant reviewAt = EARLY.plusSeconds(2);
        setClock(EARLY.plusSeconds(5));
        publishAndAwait(ticket.received(Plan.BUSINESS, EARLY));
        publishAndAwait(ticket.reviewRequested(Priority.P3, Priority.P1, reviewAt));

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int index = clocks.getList("ticketId", String.class).indexOf(ticket.ticketId());

        assertThat(clocks.getString("[" + index + "].priority")).isEqualTo("P1");
        assertThat(clocks.getBoolean("[" + index + "].provisional")).isTrue();
        assertThat(Instant.parse(clocks.getString("[" + index + "].provisionalSince"))).isEqualTo(reviewAt);
        assertThat(Instant.parse(clocks.getString("[" + index + "].dueAt"))).isEqualTo(EARLY.plus(Duration.ofHours(1)));

        publishAndAwait(ticket.assigned(Priority.P3, EARLY.plusSeconds(4)));
        JsonPath decided = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int after = decided.getList("ticketId", String.class).indexOf(ticket.ticketId());
        assertThat(decided.getBoolean("[" + after + "].provisional")).isFalse();
        assertThat(decided.getString("[" + after + "].priority")).isEqualTo("P3");
    }

    @Test
    void aClockStartsWhenTheCustomerMadeContactNotWhenIntakeReceivedTheTicket() {
        Tickets ticket = Tickets.newTicket();
        Instant callStarted = EARLY.plusSeconds(10);
        setClock(EARLY.plus(Duration.ofMinutes(20)));
        publishAndAwait(ticket.calledIn(Plan.BUSINESS, callStarted, EARLY.plus(Duration.ofMinutes(15))));
        publishAndAwait(ticket.assigned(Priority.P1, EARLY.plus(Duration.ofMinutes(16))));

        JsonPath clocks = ops().get("/api/v1/sla/console/open-clocks").then().statusCode(200).extract().jsonPath();
        int index = clocks.getList("ticketId", String.class).indexOf(ticket.ticketId());

        assertThat(Instant.parse(clocks.getString("[" + index + "].receivedAt"))).isEqualTo(callStarted);
        assertThat(Instant.parse(clocks.getString("[" + index + "].dueAt"))).isEqualTo(callStarted.plus(Duration.ofHours(1)));
    }

    @Test
    void aRedeliveredSurveyAnswerCountsOnceInSatisfaction() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        EventEnvelope happy = answer(ticket, 5, "Fast and friendly", start.plus(Duration.ofHours(2)));
        EventEnvelope unhappy = answer(ticket, 2, " ", start.plus(Duration.ofHours(3)));
        publish(happy, happy);
        publishAndAwait(unhappy);

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(200)
                .body("responses", equalTo(2))
                .body("csatPercent", equalTo(50.0f))
                .body("averageRating", equalTo(3.5f))
                .body("recentComments.size()", equalTo(1))
                .body("recentComments[0].comment", equalTo("Fast and friendly"))
                .body("recentComments[0].reference", equalTo(ticket.reference()));
    }

    @Test
    void anAnswerGivenTwiceInOneBatchOrAlreadyStoredCountsOnce() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        String stored = UUID.randomUUID().toString();
        String twice = UUID.randomUUID().toString();
        publishAndAwait(answer(ticket, stored, 5, "Fast", start.plus(Duration.ofHours(1))));
        String dlq = Topics.deadLetter(Topics.SURVEYS_RESPONSES);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            List<EventEnvelope> batch = List.of(
                    answer(ticket, stored, 1, "Changed my mind", start.plus(Duration.ofHours(2))),
                    answer(ticket, twice, 4, "Fine", start.plus(Duration.ofHours(3))),
                    answer(ticket, twice, 2, "Fine, really", start.plus(Duration.ofHours(3))));
            writer.sendTogether(batch.stream().map(Outgoing::of).toList());
            awaitProcessed(batch);
            assertThat(deadLetters.records(r -> ticket.ticketId().equals(r.key()))).isEmpty();
        }

        ops().queryParam("from", start.toString()).queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(200)
                .body("responses", equalTo(2))
                .body("averageRating", equalTo(4.5f));
    }

    @Test
    void anUnreadableSurveyAnswerGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String dlq = Topics.deadLetter(Topics.SURVEYS_RESPONSES);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            Tickets ticket = Tickets.newTicket();
            writer.send(Topics.SURVEYS_RESPONSES, ticket.ticketId(), "{\"rating\":", Map.of(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.SURVEY_COMPLETED.ceType(),
                    "ce_time", Instant.now().toString()));
            publishAndAwait(answer(ticket, 4, "ok", start));

            Awaitility.await("poison record on " + dlq).atMost(SOON)
                    .until(() -> !deadLetters.records(r -> ticket.ticketId().equals(r.key())).isEmpty());
            assertThat(deadLetters.records(r -> ticket.ticketId().equals(r.key())).get(0).value()).isEqualTo("{\"rating\":");
        }
    }

    @Test
    void aBadPeriodIsRejectedNamingTheField() {
        ops().queryParam("from", "yesterday").queryParam("to", start.toString())
                .get("/api/v1/sla/console/satisfaction")
                .then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void apiCallsWithoutCredentialsAreChallengedWithBasicWhileTheConsoleSendsBrowsersToItsLoginPage() {
        given().get("/api/v1/sla/at-risk").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        // A page's script whose session is gone must not make the browser ask for a password in a dialog.
        given().header("Sec-Fetch-Mode", "cors").get("/api/v1/sla/console/open-clocks").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Form "));
        given().header("Sec-Fetch-Mode", "navigate").get("/api/v1/sla/at-risk").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic "));
        given().redirects().follow(false).get("/console/").then().statusCode(302)
                .header("Location", containsString("/console/login.html"));
        given().get("/console/login.html").then().statusCode(200);
        given().auth().preemptive().basic("agent", "agent-dev-password").get("/api/v1/sla/console/open-clocks")
                .then().statusCode(403);
    }

    @Test
    void theConsoleIsOpenToOpsAfterFormLogin() {
        String session = given().redirects().follow(false)
                .formParam("j_username", "ops").formParam("j_password", "ops-dev-password")
                .post("/j_security_check")
                .then().statusCode(302).extract().cookie("supportflow-console");

        given().cookie("supportflow-console", session).get("/console/").then().statusCode(200)
                .body(containsString("id=\"feed\""));
        given().cookie("supportflow-console", session).get("/api/v1/sla/console/open-clocks").then().statusCode(200);
        given().get("/webjars/echarts/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void theConsolesFilesAreRevalidatedOnEveryLoadSoARedeployReachesOpenBrowsers() {
        String session = logIn();

        for (String file : List.of("/console/", "/console/index.html", "/console/ticket.html", "/console/common.js",
                "/console/console.js", "/console/ticket.js")) {
            given().cookie("supportflow-console", session).get(file).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"));
        }
        for (String file : List.of("/console/login.html", "/console/console.css")) {
            given().get(file).then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void signingOutExpiresTheSessionCookieAndSendsTheBrowserToTheLoginPage() {
        String session = logIn();

        Response signedOut = given().redirects().follow(false)
                .cookie("supportflow-console", session).post("/console/logout");

        signedOut.then().statusCode(303).header("Location", endsWith("/console/login.html"));
        Cookie cleared = signedOut.detailedCookie("supportflow-console");
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getMaxAge()).isZero();
        given().redirects().follow(false).post("/console/logout").then().statusCode(302)
                .header("Location", containsString("/console/login.html"));
    }

    private static String logIn() {
        return given().redirects().follow(false)
                .formParam("j_username", "ops").formParam("j_password", "ops-dev-password")
                .post("/j_security_check")
                .then().statusCode(302).extract().cookie("supportflow-console");
    }

    @Test
    void aTicketsPageCombinesItsClocksTimelineNotificationsAndSurveyAnswer() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, start));
        publishAndAwait(ticket.assigned(Priority.P2, start.plus(Duration.ofMinutes(1))));
        Instant acknowledgedAt = start.plus(Duration.ofMinutes(10));
        EventEnvelope acknowledged = lifecycle(acknowledgedAt,
                new TicketAcknowledged(ticket.ticketId(), acknowledgedAt, "agent.alex", "agent.kim"));
        EventEnvelope logged = ticket.logged(start.plus(Duration.ofMinutes(20)));
        Instant failedAt = start.plus(Duration.ofHours(5));
        EventEnvelope failed = notification(failedAt, new NotificationFailed(ticket.ticketId(),
                NotificationKind.PRIORITY_CHANGED, "ada@example.com", 5, "550 mailbox unavailable", failedAt));
        Instant resolvedAt = start.plus(Duration.ofHours(6));
        EventEnvelope resolved = lifecycle(resolvedAt,
                new TicketResolved(ticket.ticketId(), resolvedAt, "agent.alex", "Told the customer to restart"));
        EventEnvelope answered = answer(ticket, 4, "Kind <b>people</b>", start.plus(Duration.ofDays(1)));
        publish(acknowledged, acknowledged, logged, failed, resolved, answered);
        awaitOnTheConsole(List.of(acknowledged, logged, failed, resolved));
        awaitProcessed(answered.id());
        setClock(start.plus(Duration.ofDays(2)));

        JsonPath page = ops().get("/api/v1/sla/console/tickets/" + ticket.ticketId())
                .then().statusCode(200).extract().jsonPath();

        assertThat(page.getString("reference")).isEqualTo(ticket.reference());
        assertThat(page.getString("plan")).isEqualTo("PRO");
        assertThat(page.getString("priority")).isEqualTo("P2");
        assertThat(page.getString("clocks.find { it.clock == 'RESPONSE' }.state")).isEqualTo("MET");
        assertThat(page.getString("clocks.find { it.clock == 'RESPONSE' }.target")).isEqualTo("PT4H");
        assertThat(Instant.parse(page.getString("clocks.find { it.clock == 'RESPONSE' }.stoppedAt")))
                .isEqualTo(start.plus(Duration.ofMinutes(20)));
        assertThat(page.getList("timeline.kind", String.class)).containsSubsequence("RECEIVED", "PRIORITY",
                "ACKNOWLEDGED", "RESPONDED", "NOTIFIED", "NOTIFICATION_FAILED", "RESOLVED", "SURVEY_ANSWERED");
        assertThat(page.getList("timeline.kind", String.class)).as("a redelivered event is one line")
                .containsOnlyOnce("ACKNOWLEDGED");
        assertThat(page.getList("timeline.summary", String.class)).contains(
                "Acknowledged by agent.alex, assigned to agent.kim", "Resolved by agent.alex")
                .noneMatch(summary -> summary.contains("restart"));
        assertThat(page.getList("notifications.summary", String.class)).containsExactly(
                "\"Ticket logged\" message sent to ada@example.com",
                "\"Priority changed\" message to ada@example.com given up after 5 attempts: 550 mailbox unavailable");
        assertThat(page.getInt("surveys[0].rating")).isEqualTo(4);
        assertThat(page.getString("surveys[0].comment")).isEqualTo("Kind <b>people</b>");
    }

    @Test
    void anUnreadableLifecycleRecordGoesToTheDeadLetterTopicAndTheConsolesTimelineGoesOn() {
        Tickets ticket = Tickets.newTicket();
        String dlq = Topics.deadLetter(Topics.TICKETS_LIFECYCLE);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            writer.send(Topics.TICKETS_LIFECYCLE, ticket.ticketId(), "{\"at\":", Map.of(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.TICKET_RESOLVED.ceType(),
                    "ce_time", start.toString()));
            EventEnvelope reopened = lifecycle(start, new TicketReopened(ticket.ticketId(), start, "agent.alex", null));
            publish(reopened);

            awaitOnTheConsole(List.of(reopened));
            Awaitility.await("poison record on " + dlq).atMost(SOON)
                    .until(() -> !deadLetters.records(r -> ticket.ticketId().equals(r.key())).isEmpty());
        }
        ops().get("/api/v1/sla/console/tickets/" + ticket.ticketId()).then().statusCode(200)
                .body("timeline.summary", hasItem("Reopened by agent.alex"));
    }

    @Test
    void theFeedLooksUpTheReferencesOfTicketsThisServiceKnows() {
        Tickets known = Tickets.newTicket();
        publishAndAwait(known.received(Plan.FREE, start));
        String unknown = UUID.randomUUID().toString();

        Map<String, String> references = ops().queryParam("ticketId", known.ticketId(), unknown, known.ticketId())
                .get("/api/v1/sla/console/references").then().statusCode(200).extract().jsonPath().getMap("");

        assertThat(references).containsExactly(Map.entry(known.ticketId(), known.reference()));
        ops().get("/api/v1/sla/console/tickets/" + unknown).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aLookupWithoutTicketIdsOrWithTooManyIsRefusedNamingTheParameter() {
        ops().get("/api/v1/sla/console/references").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("ticketId"));
        ops().queryParam("ticketId", "SF-1234").get("/api/v1/sla/console/references").then().statusCode(400)
                .body("errors.field", hasItem("ticketId"));
        Object[] tooMany = IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toArray();
        ops().queryParam("ticketId", tooMany).get("/api/v1/sla/console/references").then().statusCode(400)
                .body("errors.field", hasItem("ticketId"));
    }

    @Test
    void theConsoleNamesWhoIsOnCallNowUntilTheNextHandoverWithTheRotationsWebhooks() {
        String rotation = CalendarRequests.newId("console");
        // Turns of 12 hours from 13 hours ago: the second member's turn began an hour ago.
        CalendarApi.putRotation(rotation, """
                {"handoverAt": "%s", "shift": "PT12H", "members": [
                  {"name": "Ada", "email": "ada@supportflow.example"},
                  {"name": "Grace", "email": "grace@supportflow.example"},
                  {"name": "Linus", "email": "linus@supportflow.example"}], "webhooks": ["pager", "chat"]}
                """.formatted(start.minus(Duration.ofHours(13))));
        String row = "find { it.rotationId == '" + rotation + "' }.";

        JsonPath now = section("on-call");
        assertThat(now.getString(row + "onCall.name")).isEqualTo("Grace");
        assertThat(now.getString(row + "onCall.email")).isEqualTo("grace@supportflow.example");
        assertThat(Instant.parse(now.getString(row + "until"))).isEqualTo(start.plus(Duration.ofHours(11)));
        assertThat(now.getList(row + "webhooks", String.class)).containsExactly("pager", "chat");

        setClock(start.plus(Duration.ofHours(11)));
        JsonPath later = section("on-call");
        assertThat(later.getString(row + "onCall.name")).isEqualTo("Linus");
        assertThat(Instant.parse(later.getString(row + "until"))).isEqualTo(start.plus(Duration.ofHours(23)));
    }

    @Test
    void eachScheduleSaysWhetherItIsOpenNowAndWhenItNextOpens() {
        String schedule = CalendarRequests.newId("console");
        CalendarApi.putSchedule(schedule, """
                {"zone": "America/New_York", "week": {"MONDAY": [{"from": "09:00", "to": "17:00"}]}}
                """);
        ZonedDateTime saturday = CalendarApi.next(DayOfWeek.SATURDAY, LocalTime.NOON, CalendarApi.NEW_YORK, start);
        ZonedDateTime monday = saturday.plusDays(2).with(LocalTime.of(9, 0));
        String row = "find { it.scheduleId == '" + schedule + "' }.";
        setClock(saturday.toInstant());

        JsonPath closed = section("schedules");
        assertThat(closed.getString(row + "zone")).isEqualTo("America/New_York");
        assertThat(closed.getBoolean(row + "openNow")).isFalse();
        assertThat(Instant.parse(closed.getString(row + "nextOpening"))).isEqualTo(monday.toInstant());
        assertThat(closed.getString("find { it.scheduleId == 'default' }.zone")).isEqualTo("Europe/Berlin");
        assertThat(closed.getBoolean("find { it.scheduleId == 'default' }.openNow")).isFalse();

        setClock(monday.plusHours(1).toInstant());
        JsonPath open = section("schedules");
        assertThat(open.getBoolean(row + "openNow")).isTrue();
        assertThat(Instant.parse(open.getString(row + "nextOpening"))).as("now, while open")
                .isEqualTo(monday.plusHours(1).toInstant());
    }

    @Test
    void ticketsArrivingAfterClosingWaitForTheOpeningUntilSomebodyTakesThemUp() {
        ZonedDateTime evening = CalendarApi.next(DayOfWeek.FRIDAY, LocalTime.of(18, 30), CalendarApi.BERLIN, start);
        ZonedDateTime monday = evening.plusDays(3).with(LocalTime.of(8, 0));
        setClock(evening.toInstant());
        Tickets p3 = Tickets.newTicket();
        Tickets p4 = Tickets.newTicket();
        Tickets p1 = Tickets.newTicket();
        Tickets takenUp = Tickets.newTicket();
        List<Tickets> tickets = List.of(p3, p4, p1, takenUp);
        publishPlanned(p3, Plan.FREE, Priority.P3, evening.toInstant());
        publishPlanned(p4, Plan.PRO, Priority.P4, evening.toInstant());
        publishPlanned(p1, Plan.PRO, Priority.P1, evening.toInstant());
        // Without extended cover a P2 waits too; due at Monday 12:00 it comes first.
        publishPlanned(takenUp, Plan.FREE, Priority.P2, evening.toInstant());
        setClock(evening.plusHours(15).toInstant());

        List<Map<String, Object>> waiting = waitingAmong(tickets);
        assertThat(waiting).extracting(row -> row.get("ticketId"))
                .containsExactly(takenUp.ticketId(), p3.ticketId(), p4.ticketId());
        assertThat(waiting.get(1)).containsEntry("reference", p3.reference()).containsEntry("plan", "FREE")
                .containsEntry("priority", "P3").containsEntry("scheduleId", "default")
                .containsEntry("mode", "BUSINESS_HOURS").containsEntry("businessTime", true)
                .containsEntry("target", "PT20H");
        assertThat(Instant.parse((String) waiting.get(1).get("handleFrom"))).isEqualTo(monday.toInstant());
        // Twenty business hours: Monday's ten and Tuesday's ten.
        assertThat(Instant.parse((String) waiting.get(1).get("dueAt")))
                .isEqualTo(monday.plusDays(1).with(LocalTime.of(18, 0)).toInstant());
        assertThat(Instant.parse((String) waiting.get(2).get("dueAt")))
                .isEqualTo(monday.plusDays(2).with(LocalTime.of(18, 0)).toInstant());
        assertThat(Instant.parse((String) waiting.get(0).get("dueAt"))).isEqualTo(monday.plusHours(4).toInstant());

        publishAndAwait(takenUp.acknowledged(evening.plusHours(14).toInstant()));
        assertThat(waitingAmong(tickets)).extracting(row -> row.get("ticketId"))
                .containsExactly(p3.ticketId(), p4.ticketId());
        setClock(monday.toInstant());
        assertThat(waitingAmong(tickets)).as("handled from now on").isEmpty();
    }

    /** The console's waiting tickets that are among {@code tickets}, in the console's order. */
    private static List<Map<String, Object>> waitingAmong(List<Tickets> tickets) {
        List<String> ids = tickets.stream().map(Tickets::ticketId).toList();
        return section("waiting").<Map<String, Object>>getList("").stream()
                .filter(row -> ids.contains(row.get("ticketId"))).toList();
    }

    private static JsonPath section(String section) {
        return ops().get(HANDLING_SECTIONS + section).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void runningHandlingClocksComeLeastTimeLeftFirstWithTheirState() {
        setClock(EARLIEST);
        Tickets breached = Tickets.newTicket();
        Tickets warned = Tickets.newTicket();
        Tickets onTrack = Tickets.newTicket();
        Tickets waiting = Tickets.newTicket();
        Tickets takenUp = Tickets.newTicket();
        publishPlanned(breached, Plan.PRO, Priority.P1, EARLIEST);
        publishPlanned(warned, Plan.PRO, Priority.P1, EARLIEST.plus(Duration.ofMinutes(10)));
        publishPlanned(onTrack, Plan.PRO, Priority.P2, EARLIEST);
        publishPlanned(waiting, Plan.FREE, Priority.P3, EARLIEST);
        publishPlanned(takenUp, Plan.PRO, Priority.P1, EARLIEST);
        publishAndAwait(takenUp.acknowledged(EARLIEST.plus(Duration.ofMinutes(5))));
        setClock(EARLIEST.plus(Duration.ofMinutes(35)));
        sla.awaitEvent(EventType.HANDLING_BREACHED, breached.ticketId(), SOON);
        sla.awaitEvent(EventType.HANDLING_WARNING, warned.ticketId(), SOON);

        JsonPath clocks = section("handling-clocks");

        assertThat(clocks.getList("ticketId", String.class)).as("a waiting ticket's clock has not started")
                .containsSubsequence(breached.ticketId(), warned.ticketId(), onTrack.ticketId())
                .doesNotContain(waiting.ticketId(), takenUp.ticketId());
        int first = clocks.getList("ticketId", String.class).indexOf(breached.ticketId());
        assertThat(clocks.getList("state", String.class).subList(first, first + 3))
                .containsExactly("BREACHED", "WARNED", "ON_TRACK");
        String row = "[" + first + "].";
        assertThat(clocks.getString(row + "reference")).isEqualTo(breached.reference());
        assertThat(clocks.getString(row + "priority")).isEqualTo("P1");
        assertThat(clocks.getString(row + "mode")).isEqualTo("ROUND_THE_CLOCK");
        assertThat(clocks.getBoolean(row + "businessTime")).isFalse();
        assertThat(clocks.getString(row + "target")).isEqualTo("PT30M");
        assertThat(Instant.parse(clocks.getString(row + "handleFrom"))).isEqualTo(EARLIEST);
        assertThat(Instant.parse(clocks.getString(row + "dueAt"))).isEqualTo(EARLIEST.plus(Duration.ofMinutes(30)));
        assertThat(clocks.getLong(row + "timeLeftSeconds")).isEqualTo(-Duration.ofMinutes(5).toSeconds());
        assertThat(clocks.getLong("[" + (first + 2) + "].timeLeftSeconds"))
                .isEqualTo(Duration.ofMinutes(85).toSeconds());
    }

    @Test
    void theLatestEscalationsComeNewestFirstNamedByTheirTicketsReference() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.SUNDAY, LocalTime.of(2, 0), CalendarApi.BERLIN, start);
        setClock(night.toInstant());
        Tickets ticket = Tickets.newTicket();
        publishPlanned(ticket, Plan.PRO, Priority.P1, night.toInstant());
        setClock(night.plusMinutes(30).toInstant());
        Awaitility.await("two levels fired").atMost(SOON)
                .until(() -> sla.<SlaEscalated>events(EventType.SLA_ESCALATED, ticket.ticketId()).size() == 2);

        JsonPath escalations = section("escalations");

        int first = escalations.getList("ticketId", String.class).indexOf(ticket.ticketId());
        assertThat(first).isNotNegative();
        assertThat(escalations.getString("[" + (first + 1) + "].ticketId")).isEqualTo(ticket.ticketId());
        String row = "[" + first + "].";
        assertThat(escalations.getInt(row + "level")).isEqualTo(2);
        assertThat(escalations.getString(row + "trigger")).isEqualTo(EscalationTrigger.HANDLING_BREACH.name());
        assertThat(escalations.getString(row + "reference")).isEqualTo(ticket.reference());
        assertThat(escalations.getString(row + "plan")).isEqualTo("PRO");
        assertThat(escalations.getString(row + "priority")).isEqualTo("P1");
        assertThat(escalations.getList(row + "recipients")).containsExactly(
                Map.of("kind", "EMAIL", "address", "support-leads@supportflow.example"));
        assertThat(Instant.parse(escalations.getString(row + "firedAt"))).isEqualTo(night.plusMinutes(30).toInstant());
        String below = "[" + (first + 1) + "].";
        assertThat(escalations.getInt(below + "level")).isEqualTo(1);
        assertThat(escalations.getString(below + "trigger")).isEqualTo(EscalationTrigger.HANDLING_WARNING.name());
        assertThat(escalations.getList(below + "recipients")).isNotEmpty();
        assertThat(Instant.parse(escalations.getString(below + "firedAt")))
                .isEqualTo(night.plusMinutes(22).plusSeconds(30).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"on-call", "schedules", "waiting", "handling-clocks", "escalations"})
    void theHandlingSectionsAreForOpsOnly(String section) {
        ops().get(HANDLING_SECTIONS + section).then().statusCode(200).contentType("application/json");
        given().auth().preemptive().basic("agent", "agent-dev-password").get(HANDLING_SECTIONS + section)
                .then().statusCode(403).contentType("application/problem+json");
        given().get(HANDLING_SECTIONS + section).then().statusCode(401).contentType("application/problem+json");
    }

    /** A ticket received at {@code at} with its priority and its "ticket logged" message, once its handling is planned. */
    private void publishPlanned(Tickets ticket, Plan plan, Priority priority, Instant at) {
        publish(ticket.received(plan, at), ticket.assigned(priority, at), ticket.logged(at.plusSeconds(1)));
        sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
    }

    static Stream<HostileUrl> hostileUrls() {
        return Stream.concat(HostileUrl.ids("/api/v1/sla/console/tickets/", "id"),
                HostileUrl.values("/api/v1/sla/console/references", "ticketId", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUrls")
    void aHostileIdIsRefusedOrNotFoundWithoutBeingEchoed(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("ops", "ops-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
    }

    /** Waits until the console's own consumers stored these events' lines. */
    private void awaitOnTheConsole(List<EventEnvelope> envelopes) {
        List<String> ids = envelopes.stream().map(EventEnvelope::id).toList();
        Awaitility.await(ids.size() + " events on the console's timeline").atMost(SOON)
                .until(() -> StoredRows.countAmong(dataSource, "SELECT count(DISTINCT event_id) FROM processed_event"
                        + " WHERE consumer LIKE 'sla-service/console-%' AND event_id = ANY (?)", ids) == ids.size());
    }

    private static EventEnvelope lifecycle(Instant at, SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/intake-service", at, event);
    }

    private static EventEnvelope notification(Instant at, SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/notification-service", at, event);
    }

    private static EventEnvelope answer(Tickets ticket, int rating, String comment, Instant at) {
        return answer(ticket, UUID.randomUUID().toString(), rating, comment, at);
    }

    private static EventEnvelope answer(Tickets ticket, String surveyId, int rating, String comment, Instant at) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/survey-service", at,
                new SurveyCompleted(ticket.ticketId(), surveyId, rating, comment, at));
    }
}

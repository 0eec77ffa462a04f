package io.supportflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.Plan;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.testing.ProcessStack;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.ServiceProcess;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;

/**
 * One ticket through all five services, on the packaged jars, the real broker, SMTP server and
 * PostgreSQL: a channel adapter posts it, the customer is told it is logged, the SLA is met, an
 * agent resolves it and the customer answers the survey. sla-service runs as two instances on one database, as
 * it would behind a load balancer: every journey passes whichever instance holds its partition.
 */
class TicketJourneyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static final String PAGER_SECRET = "e2e-pager-secret";
    private static final String BILLING_KEY = "dev-billing-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProcessStack stack;
    private static ServiceProcess secondSla;
    private static TopicReader topics;
    private static WebhookReceiver receiver;
    private static OtlpTraceReceiver collector;

    @BeforeAll
    static void startTheSystem() {
        // Assigned before starting, so that a start failing half-way is still stopped in @AfterAll.
        stack = ProcessStack.onSharedPostgres();
        receiver = WebhookReceiver.shared();
        collector = OtlpTraceReceiver.start();
        stack.start(Map.of("SUPPORTFLOW_NOTIFICATION_OPS_ADDRESSES", "ops@supportflow.test",
                "SUPPORTFLOW_NOTIFICATION_WEBHOOKS_PAGER_URL", receiver.url("pager"),
                "SUPPORTFLOW_NOTIFICATION_WEBHOOKS_PAGER_SECRET", PAGER_SECRET,
                // Only the two-instance journey posts ENTERPRISE tickets: its ladder climbs within seconds.
                "SUPPORTFLOW_SLA_HANDLING_TARGETS_ENTERPRISE_P1", "20s",
                "SUPPORTFLOW_SLA_SCANNER_BATCH_SIZE", "1",
                // Every trace kept and sent to the test's collector, within a fifth of a second.
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                // JSON log lines, with each consumed event's line (DEBUG) naming its trace and ticket.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                "QUARKUS_LOG_CATEGORY__IO_SUPPORTFLOW_RUNTIME_MESSAGING__LEVEL", "DEBUG"));
        secondSla = stack.startAnotherInstance("sla-service");
        topics = TopicReader.fromNow(stack.broker().bootstrapServers(), Topics.ALL.toArray(String[]::new));
        loadTheAccountDirectory();
    }

    /** Billing's first load: the accounts the journeys post for, on the plans they mean. */
    private static void loadTheAccountDirectory() {
        given().baseUri(stack.url("intake-service")).urlEncodingEnabled(false).header("X-Api-Key", BILLING_KEY)
                .contentType("text/csv").body("""
                        accountId,plan,region,locale
                        NAVY-1906,BUSINESS,US,en
                        ADA-1815-BUSINESS,BUSINESS,EU,
                        ADA-1815-ENTERPRISE,ENTERPRISE,EU,
                        FRUGAL-1,FREE,EU,en
                        """.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/accounts:import")
                .then().statusCode(200).body("created", equalTo(4)).body("refused", equalTo(0));
    }

    @AfterAll
    static void stopTheSystem() {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void oneTraceFollowsATicketThroughAllFiveServices() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String ticketId = given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-web-key")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(ticketJson("traced-" + UUID.randomUUID()))
                .post("/api/v1/tickets").then().statusCode(202).extract().path("ticketId");

        // The trace goes on on Kafka, from the outbox row that kept it, to the next service and on from there.
        assertThat(topics.awaitRecord(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY).header("traceparent"))
                .startsWith("00-" + traceId + "-");
        assertThat(topics.awaitRecord(EventType.PRIORITY_ASSIGNED, ticketId, EVENTUALLY).header("traceparent"))
                .startsWith("00-" + traceId + "-");
        assertThat(topics.awaitRecord(EventType.CUSTOMER_NOTIFIED, ticketId, EVENTUALLY).header("traceparent"))
                .startsWith("00-" + traceId + "-");
        Awaitility.await("spans of trace " + traceId + " from every service").atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(collector.spansOf(traceId))
                        .extracting(OtlpTraceReceiver.ReceivedSpan::service, OtlpTraceReceiver.ReceivedSpan::name)
                        .contains(tuple("intake-service", "POST /api/v1/tickets"),
                                tuple("intake-service", "process " + Topics.TICKETS_RECEIVED),
                                tuple("triage-service", "process " + Topics.TICKETS_RECEIVED),
                                tuple("notification-service", "process " + Topics.TICKETS_PRIORITY),
                                tuple("sla-service", "process " + Topics.TICKETS_PRIORITY),
                                tuple("sla-service", "process " + Topics.TICKETS_NOTIFICATIONS),
                                tuple("survey-service", "process " + Topics.TICKETS_RECEIVED)));
        assertThat(collector.spansOf(traceId)).extracting(OtlpTraceReceiver.ReceivedSpan::service)
                .containsOnlyElementsOf(ProcessStack.SERVICES);
        // sla-service runs twice here: whichever instance held the ticket's partition logged it.
        for (String service : List.of("intake-service", "triage-service", "notification-service", "survey-service")) {
            // A line may still be half written when read: read again.
            Awaitility.await(service + "'s log line of this ticket's trace").atMost(EVENTUALLY).ignoreExceptions()
                    .untilAsserted(() ->
                    assertThat(logLinesOf(stack.service(service))).anySatisfy(line -> {
                        assertThat(line.at("/mdc/ticketId").asText()).isEqualTo(ticketId);
                        assertThat(line.at("/mdc/traceId").asText()).isEqualTo(traceId);
                    }));
        }
    }

    private static List<JsonNode> logLinesOf(ServiceProcess service) throws IOException {
        return Files.readAllLines(service.log()).stream().filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException notJson) {
                        return JSON.createObjectNode();
                    }
                }).toList();
    }

    @Test
    void aWebTicketIsLoggedMeetsItsSlaIsResolvedAndRated() throws Exception {
        String ticketId = postWebTicket();

        TicketReceived received = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY);
        assertCloudEventHeaders(topics.awaitRecord(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY), "intake-service");
        assertThat(received.customer().email()).isEqualTo("grace@example.com");

        PriorityAssigned priority = topics.awaitEvent(EventType.PRIORITY_ASSIGNED, ticketId, EVENTUALLY);
        assertCloudEventHeaders(topics.awaitRecord(EventType.PRIORITY_ASSIGNED, ticketId, EVENTUALLY), "triage-service");
        assertThat(priority.priority()).isNotNull();
        assertThat(priority.rule()).isNotBlank();

        // Outside Berlin's business hours a P2 also pages whoever is on call (extended cover); that notice may come first.
        CustomerNotified logged = Awaitility.await("the TICKET_LOGGED notice").atMost(EVENTUALLY).until(() -> topics
                .<CustomerNotified>events(EventType.CUSTOMER_NOTIFIED, ticketId).stream()
                .filter(n -> n.kind() == NotificationKind.TICKET_LOGGED).findFirst(), Optional::isPresent)
                .orElseThrow();
        MimeMessage loggedMail = awaitMailTo("grace@example.com", received.reference());
        assertThat(header(loggedMail, "Message-ID")).isEqualTo(logged.messageId());

        SlaMet met = topics.awaitEvent(EventType.SLA_MET, ticketId, EVENTUALLY);
        assertCloudEventHeaders(topics.awaitRecord(EventType.SLA_MET, ticketId, EVENTUALLY), "sla-service");
        assertThat(met.priority()).isEqualTo(priority.priority());
        assertThat(met.at()).isEqualTo(logged.sentAt());
        assertThat(met.dueAt()).isEqualTo(received.receivedAt().plus(met.target()));

        resolveAsAgent(ticketId);
        TicketResolved resolved = topics.awaitEvent(EventType.TICKET_RESOLVED, ticketId, EVENTUALLY);
        assertThat(resolved.by()).isEqualTo("agent");

        SurveyRequested survey = topics.awaitEvent(EventType.SURVEY_REQUESTED, ticketId, EVENTUALLY);
        assertCloudEventHeaders(topics.awaitRecord(EventType.SURVEY_REQUESTED, ticketId, EVENTUALLY), "survey-service");
        MimeMessage surveyMail = awaitMailTo("grace@example.com", survey.url());
        assertThat(surveyMail).isNotSameAs(loggedMail);
        Awaitility.await("SURVEY notification").atMost(EVENTUALLY).until(() -> topics
                .<CustomerNotified>events(EventType.CUSTOMER_NOTIFIED, ticketId).stream()
                .anyMatch(n -> n.kind() == NotificationKind.SURVEY));

        answerSurveyAsABrowserWould(survey.url(), 5, "Quick & friendly <3");
        SurveyCompleted completed = topics.awaitEvent(EventType.SURVEY_COMPLETED, ticketId, EVENTUALLY);
        assertThat(completed.rating()).isEqualTo(5);
        assertThat(completed.comment()).isEqualTo("Quick & friendly <3");
        assertThat(completed.surveyId()).isEqualTo(survey.surveyId());

        assertThat(topics.records(r -> ticketId.equals(r.key()))).extracting(r -> r.header("ce_id"))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en|Webinar audio|Some attendees say the audio drops now and then during our live webinar, we are not sure how many.|provisional",
            "de|Webinar bricht ab|Bei einigen Teilnehmern bricht das laufende Webinar ab, vielleicht bei allen, wir wissen es nicht.|Ein Support-Mitarbeiter"})
    void aChatTicketInReviewIsLoggedAtOnceOnAStricterClockAndTheAgentsChangeIsToldOnce(String locale, String subject,
            String description, String provisionalWording) {
        String ticketId = postTextTicket("BUSINESS", "CHAT", "dev-chat-key", locale, subject, description, null);

        TriageReviewRequested review = topics.awaitEvent(EventType.TRIAGE_REVIEW_REQUESTED, ticketId, EVENTUALLY);
        assertThat(review.clockRunsOn()).isEqualTo(Priority.P1);
        assertThat(review.provisionalPriority()).isNotEqualTo(Priority.P1);
        TicketReceived received = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY);
        MimeMessage loggedMail = awaitMailTo("ada-" + locale + "@example.com", received.reference());
        assertThat(Mails.text(loggedMail)).contains(provisionalWording);
        SlaMet met = topics.awaitEvent(EventType.SLA_MET, ticketId, EVENTUALLY);
        assertThat(met.priority()).isEqualTo(Priority.P1);
        assertThat(met.target()).isEqualTo(Duration.ofHours(1));

        decideAsAgent(ticketId, Priority.P1, "Live event affected");
        decideAsAgent(ticketId, Priority.P1, "Confirmed with the customer");
        CustomerNotified changed = Awaitility.await("PRIORITY_CHANGED").atMost(EVENTUALLY).until(() -> topics
                .<CustomerNotified>events(EventType.CUSTOMER_NOTIFIED, ticketId).stream()
                .filter(n -> n.kind() == NotificationKind.PRIORITY_CHANGED).findFirst().orElse(null), n -> n != null);
        assertThat(changed.to()).isEqualTo("ada-" + locale + "@example.com");
        // The agent's second decision confirms P1 and must not be told again: the count holds while it settles.
        Awaitility.await("one change message").during(Duration.ofSeconds(3)).atMost(EVENTUALLY).until(() -> topics
                .<CustomerNotified>events(EventType.CUSTOMER_NOTIFIED, ticketId).stream()
                .filter(n -> n.kind() == NotificationKind.PRIORITY_CHANGED).count(), count -> count == 1);
    }

    @Test
    void aTicketClaimingBusinessForAFreeAccountRunsOnFreesTargetAndTheAccountCannotPhone() {
        String body = """
                {"externalRef":"%s","plan":"BUSINESS",
                 "customer":{"accountId":"FRUGAL-1","name":"Frugal Customer","email":"frugal@example.com","locale":"en"},
                 "subject":"Invoice export is slow","description":"The export takes minutes.","impact":"SERVICE_DOWN",
                 "workaround":"NONE"}""";
        String ticketId = given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-chat-key")
                .contentType(ContentType.JSON).body(body.formatted("chat-" + UUID.randomUUID()))
                .post("/api/v1/tickets").then().statusCode(202).extract().path("ticketId");

        TicketReceived received = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY);
        assertThat(received.plan()).isEqualTo(Plan.FREE);
        assertThat(received.claimedPlan()).isEqualTo(Plan.BUSINESS);
        SlaMet met = topics.awaitEvent(EventType.SLA_MET, ticketId, EVENTUALLY);
        assertThat(met.plan()).isEqualTo(Plan.FREE);
        assertThat(met.target()).isEqualTo(Duration.ofHours(24));

        given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-phone-key").contentType(ContentType.JSON)
                .body(body.formatted("phone-" + UUID.randomUUID())).post("/api/v1/tickets")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The account's FREE plan includes [WEB, CHAT], not PHONE"));
        given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-phone-key").contentType(ContentType.JSON)
                .body(body.formatted("phone-" + UUID.randomUUID()).replace("FRUGAL-1", "NOBODY-" + UUID.randomUUID()))
                .post("/api/v1/tickets")
                .then().statusCode(422).body("errors[0].field", equalTo("customer.accountId"));
    }

    /**
     * Ops change the policy once, on sla-service; intake lets PRO accounts phone, notification states the new target,
     * and the policy goes back as it was afterwards (as a newer version), for the other journeys.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPolicyChangeMadeOnceOnSlaReachesIntakeAndNotification() {
        Response read = asOps("sla-service").get("/api/v1/sla/policy");
        Map<String, Object> policy = read.jsonPath().getMap("");
        Map<String, Object> shipped = JSON.convertValue(policy, Map.class);
        ((Map<String, Object>) policy.get("entitlements")).put("PRO", List.of("WEB", "CHAT", "PHONE"));
        ((Map<String, Object>) policy.get("responseTargets")).put("PRO", Map.of("P1", "PT3H", "P2", "PT3H",
                "P3", "PT3H", "P4", "PT3H"));
        String changed = asOps("sla-service").header("If-Match", read.header("ETag")).contentType(ContentType.JSON)
                .body(policy).put("/api/v1/sla/policy").then().statusCode(200).extract().header("ETag");
        try {
            String account = "PRO-" + UUID.randomUUID();
            given().baseUri(stack.url("intake-service")).header("X-Api-Key", BILLING_KEY).contentType(ContentType.JSON)
                    .body("{\"plan\":\"PRO\"}").put("/api/v1/accounts/" + account).then().statusCode(201);
            String body = """
                    {"externalRef":"call-%s","customer":{"accountId":"%s","name":"Pro Customer",
                     "email":"pro-caller@example.com","locale":"en"},"subject":"Cannot export",
                     "description":"The export fails.","impact":"IMPAIRED","workaround":"PARTIAL"}"""
                    .formatted(UUID.randomUUID(), account);
            // Until intake has read the new version, PRO may not phone: the same submission again is no new ticket.
            String ticketId = Awaitility.await("intake applying the new entitlements").atMost(EVENTUALLY)
                    .until(() -> given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-phone-key")
                            .contentType(ContentType.JSON).body(body).post("/api/v1/tickets"),
                            answer -> answer.statusCode() == 202)
                    .path("ticketId");

            TicketReceived received = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY);
            MimeMessage logged = awaitMailTo("pro-caller@example.com", received.reference());
            assertThat(Mails.text(logged)).contains("Response target: 3 hours (PRO plan)");
        } finally {
            asOps("sla-service").header("If-Match", changed).contentType(ContentType.JSON).body(shipped)
                    .put("/api/v1/sla/policy").then().statusCode(200);
        }
    }

    @Test
    void aPhoneTicketsClockStartsWhenTheCallStarted() {
        Instant callStarted = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        String ticketId = postTextTicket("BUSINESS", "PHONE", "dev-phone-key", "en", "Nobody can join",
                "Customer called: none of their 300 attendees can join the webinar, it starts in 5 minutes, no workaround.",
                callStarted);

        TicketReceived received = topics.awaitEvent(EventType.TICKET_RECEIVED, ticketId, EVENTUALLY);
        assertThat(received.submittedAt()).isEqualTo(callStarted);
        SlaMet met = topics.awaitEvent(EventType.SLA_MET, ticketId, EVENTUALLY);
        assertThat(met.dueAt()).isEqualTo(callStarted.plus(met.target()));
    }

    @Test
    void aP1PagesWhoeverIsOnCallByMailAndSignedWebhookAndAnAgentsAcknowledgementMeetsItsHandling() {
        putPatOnCall();
        String ticketId = postTextTicket("BUSINESS", "PHONE", "dev-phone-key", "en", "Nobody can join",
                "Customer called: none of their 300 attendees can join the webinar, it starts in 5 minutes, no workaround.",
                null);

        HandlingScheduled scheduled = topics.awaitEvent(EventType.HANDLING_SCHEDULED, ticketId, EVENTUALLY);
        assertThat(scheduled.priority()).isEqualTo(Priority.P1);
        assertThat(scheduled.mode()).isEqualTo(HandlingMode.ROUND_THE_CLOCK);
        assertThat(scheduled.paged()).containsExactly(Recipient.email("pat@supportflow.test"),
                Recipient.webhook("pager"));
        awaitMailTo("pat@supportflow.test", scheduled.reference());
        WebhookReceiver.Delivery page = Awaitility.await("the page's webhook POST").atMost(EVENTUALLY)
                .until(() -> receiver.deliveries("pager", ticketId), found -> !found.isEmpty()).get(0);
        assertThat(page.verifiesWith(PAGER_SECRET)).isTrue();
        assertThat(page.verifiesWith("another-secret")).isFalse();

        acknowledgeAsAgent(ticketId);
        HandlingMet met = topics.awaitEvent(EventType.HANDLING_MET, ticketId, EVENTUALLY);
        assertThat(met.takenUpAt()).isBefore(scheduled.dueAt());
    }

    /**
     * A second sla-service instance shares the database and the partitions: whichever instance claims a clock, each
     * level of the ladder fires once. ENTERPRISE P1 runs on a 20 s handling target here (see startTheSystem), so the
     * warning's level (on call) fires at 15 s and the breach's (support leads) at 20 s; the scanners claim one clock
     * at a time, so both instances take their share of the alarms.
     */
    @Test
    void twoSlaInstancesFireEachEscalationLevelOnceWhicheverClaimsTheClock() {
        putPatOnCall();
        List<ServiceProcess> instances = List.of(stack.service("sla-service"), secondSla);
        List<Double> claimedBefore = instances.stream().map(TicketJourneyIT::claimedClocks).toList();
        List<String> ticketIds = IntStream.range(0, 12).mapToObj(i -> postTextTicket("ENTERPRISE", "PHONE",
                "dev-phone-key", "en", "Nobody can join", "Customer called: none of their 300 attendees can join the "
                        + "webinar, it starts in 5 minutes, no workaround.", null)).toList();

        Awaitility.await("both levels of every ticket on sla.breaches").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> ticketIds.stream().allMatch(id -> escalationsOf(id).size() >= 2));
        Awaitility.await("no level a second time").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> ticketIds.stream().allMatch(id -> escalationsOf(id).size() == 2));

        for (String ticketId : ticketIds) {
            assertThat(escalationsOf(ticketId)).extracting(SlaEscalated::trigger)
                    .containsExactlyInAnyOrder(EscalationTrigger.HANDLING_WARNING, EscalationTrigger.HANDLING_BREACH);
            assertThat(escalationsOf(ticketId)).filteredOn(e -> e.trigger() == EscalationTrigger.HANDLING_WARNING)
                    .singleElement().satisfies(warning -> assertThat(warning.recipients())
                            .contains(Recipient.email("pat@supportflow.test")));
        }
        for (int i = 0; i < instances.size(); i++) {
            ServiceProcess sla = instances.get(i);
            assertThat(claimedClocks(sla)).as("clocks claimed by " + sla.baseUrl()).isGreaterThan(claimedBefore.get(i));
            assertThat(sla.logCount("sla-breach-scanner: a round failed")).as("failed rounds of " + sla.baseUrl())
                    .isZero();
        }
    }

    @Test
    void aMalformedTicketIsRefusedWithAProblemNamingTheFieldAndNothingIsPublished() {
        String externalRef = "form-" + UUID.randomUUID();
        given().baseUri(stack.url("intake-service")).header("X-Api-Key", "dev-web-key").contentType(ContentType.JSON)
                .body(ticketJson(externalRef).replace("\"plan\":\"BUSINESS\"", "\"plan\":\"GOLD\""))
                .post("/api/v1/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("plan"));

        String probe = postWebTicket();
        topics.awaitRecord(EventType.TICKET_RECEIVED, probe, EVENTUALLY);
        assertThat(topics.records(r -> Topics.TICKETS_RECEIVED.equals(r.topic())))
                .extracting(r -> ((TicketReceived) r.envelope().event()).externalRef())
                .doesNotContain(externalRef);
    }

    @Test
    void everyServiceReportsKafkaAndItsDatabaseAndServesOpenApiAndMetrics() {
        for (String service : ProcessStack.SERVICES) {
            List<String> checks = given().baseUri(stack.url(service)).get("/q/health/ready")
                    .then().statusCode(200).extract().path("checks.name");
            assertThat(checks).as(service + " readiness checks")
                    .anyMatch(name -> name.contains("Kafka"))
                    .anyMatch(name -> name.contains("Database"));
            given().baseUri(stack.url(service)).get("/q/openapi").then().statusCode(200);
            given().baseUri(stack.url(service)).get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
        }
    }

    private static String postWebTicket() {
        return given().baseUri(stack.url("intake-service"))
                .header("X-Api-Key", "dev-web-key")
                .contentType(ContentType.JSON)
                .body(ticketJson("form-" + UUID.randomUUID()))
                .post("/api/v1/tickets")
                .then().statusCode(202)
                .extract().path("ticketId");
    }

    private static String ticketJson(String externalRef) {
        return """
                {"externalRef":"%s","plan":"BUSINESS",
                 "customer":{"accountId":"NAVY-1906","name":"Grace Hopper","email":"grace@example.com","locale":"en"},
                 "subject":"Reports export fails with a timeout",
                 "description":"Exporting the monthly report times out after 30 s.\\nSmaller exports work.",
                 "category":"FEATURE_PROBLEM","impact":"IMPAIRED","workaround":"PARTIAL"}""".formatted(externalRef);
    }

    private static String postTextTicket(String plan, String channel, String apiKey, String locale, String subject,
            String description, Instant submittedAt) {
        String contact = submittedAt == null ? "" : ",\"submittedAt\":\"" + submittedAt + "\"";
        String body = """
                {"externalRef":"%s","plan":"%s",
                 "customer":{"accountId":"ADA-1815-%s","name":"Ada Lovelace","email":"ada-%s@example.com","locale":"%s"},
                 "subject":"%s","description":"%s"%s}""".formatted(channel.toLowerCase() + "-" + UUID.randomUUID(),
                plan, plan, locale, locale, subject, description, contact);
        return given().baseUri(stack.url("intake-service")).header("X-Api-Key", apiKey)
                .contentType(ContentType.JSON.withCharset("UTF-8")).body(body)
                .post("/api/v1/tickets")
                .then().statusCode(202)
                .extract().path("ticketId");
    }

    private static List<SlaEscalated> escalationsOf(String ticketId) {
        return topics.events(EventType.SLA_ESCALATED, ticketId);
    }

    /** What the instance's breach scanner claimed, from its metrics. */
    private static double claimedClocks(ServiceProcess sla) {
        String metrics = given().baseUri(sla.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("sla_scanner_clocks_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void decideAsAgent(String ticketId, Priority priority, String reason) {
        given().baseUri(stack.url("triage-service"))
                .auth().preemptive().basic("agent", "agent-dev-password")
                .contentType(ContentType.JSON)
                .body("{\"priority\":\"" + priority + "\",\"reason\":\"" + reason + "\"}")
                .put("/api/v1/triage/tickets/" + ticketId + "/priority")
                .then().statusCode(200);
    }

    /**
     * Puts Pat on call round the clock (by mail and the pager webhook) and waits until both sla instances would page
     * Pat: each learns rotations from sla.schedules into memory, and pages from there.
     */
    private static void putPatOnCall() {
        given().baseUri(stack.url("sla-service"))
                .auth().preemptive().basic("ops", "ops-dev-password")
                .contentType(ContentType.JSON)
                .body("""
                        {"handoverAt": "2026-01-01T00:00:00Z", "shift": "PT24H",
                         "members": [{"name": "Pat", "email": "pat@supportflow.test"}], "webhooks": ["pager"]}""")
                .put("/api/v1/rotations/default")
                .then().statusCode(anyOf(is(200), is(201)));
        for (String sla : List.of(stack.url("sla-service"), secondSla.baseUrl())) {
            Awaitility.await("Pat on call for " + sla).atMost(EVENTUALLY)
                    .until(() -> given().baseUri(sla).auth().preemptive().basic("ops", "ops-dev-password")
                            .get("/api/v1/sla/console/on-call").then().statusCode(200).extract()
                            .<List<String>>path("findAll { it.rotationId == 'default' }.onCall.email"),
                            onCall -> onCall.contains("pat@supportflow.test"));
        }
    }

    private static void acknowledgeAsAgent(String ticketId) {
        given().baseUri(stack.url("intake-service"))
                .auth().preemptive().basic("agent", "agent-dev-password")
                .contentType(ContentType.JSON)
                .body("{\"assignee\":\"agent.kim\"}")
                .post("/api/v1/tickets/" + ticketId + "/acknowledge")
                .then().statusCode(200);
    }

    private static void resolveAsAgent(String ticketId) {
        given().baseUri(stack.url("intake-service"))
                .auth().preemptive().basic("agent", "agent-dev-password")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"Export limit raised\"}")
                .post("/api/v1/tickets/" + ticketId + "/resolve")
                .then().statusCode(200);
    }

    private static void answerSurveyAsABrowserWould(String url, int rating, String comment) {
        Response page = given().get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        Map<String, String> form = HtmlForms.hiddenInputs(page.body().asString());
        form.put("rating", String.valueOf(rating));
        form.put("comment", comment);
        given().cookies(page.cookies())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(form)
                .post(url)
                .then().statusCode(200);
    }

    private static RequestSpecification asOps(String service) {
        return given().baseUri(stack.url(service)).auth().preemptive().basic("ops", "ops-dev-password");
    }

    private static MimeMessage awaitMailTo(String recipient, String mustContain) {
        return Awaitility.await("mail to " + recipient + " containing " + mustContain).atMost(EVENTUALLY)
                .until(() -> Arrays.stream(stack.mail().received())
                        .filter(m -> Mails.isTo(m, recipient) && Mails.text(m).contains(mustContain))
                        .findFirst().orElse(null), m -> m != null);
    }

    private static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }

    private static void assertCloudEventHeaders(ReceivedRecord record, String service) {
        assertThat(record.headers())
                .containsEntry("ce_source", "/supportflow/" + service)
                .containsEntry("ce_subject", record.key())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time", "ce_type");
    }

}

package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.customerOf;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** Every field rule: a broken ticket gets 400 problem+json naming the field, and nothing is published. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class FieldValidationTest {

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    static Stream<Arguments> brokenTickets() {
        return Stream.of(
                broken("plan unknown", t -> t.put("plan", "GOLD"), "plan",
                        "must be one of [FREE, PRO, BUSINESS, ENTERPRISE, EDUCATION, API]"),
                broken("customer missing", t -> t.remove("customer"), "customer", "is required"),
                broken("account id missing", t -> customerOf(t).remove("accountId"), "customer.accountId", "is required"),
                broken("name blank", t -> customerOf(t).put("name", "   "), "customer.name", "is required"),
                broken("name too long", t -> customerOf(t).put("name", "n".repeat(201)), "customer.name",
                        "at most 200 characters"),
                broken("email missing", t -> customerOf(t).remove("email"), "customer.email", "is required"),
                broken("email without @", t -> customerOf(t).put("email", "not-an-address"), "customer.email",
                        "is not an email address"),
                broken("email without domain", t -> customerOf(t).put("email", "ada@example"), "customer.email",
                        "is not an email address"),
                broken("email with a space", t -> customerOf(t).put("email", "ada lovelace@example.com"),
                        "customer.email", "is not an email address"),
                broken("locale no language tag", t -> customerOf(t).put("locale", "français"), "customer.locale",
                        "must be a language tag such as en, de or fr-CA"),
                broken("subject missing", t -> t.remove("subject"), "subject", "is required"),
                broken("subject too long", t -> t.put("subject", "s".repeat(201)), "subject", "at most 200 characters"),
                broken("subject with a line break", t -> t.put("subject", "first\nsecond"), "subject",
                        "single line without control characters"),
                broken("subject with a bell", t -> t.put("subject", "ring\u0007"), "subject",
                        "single line without control characters"),
                broken("description missing", t -> t.remove("description"), "description", "is required"),
                broken("description over 32 KiB", t -> t.put("description", "d".repeat(32 * 1024 + 1)), "description",
                        "at most 32768 bytes"),
                broken("description over 32 KiB in UTF-8 bytes", t -> t.put("description", "ä".repeat(16 * 1024 + 1)),
                        "description", "at most 32768 bytes"),
                broken("description with NUL", t -> t.put("description", "a\u0000b"), "description",
                        "control characters other than newline and tab"),
                broken("description with escape", t -> t.put("description", "red \u001b[31m"), "description",
                        "control characters other than newline and tab"),
                broken("description with a lone carriage return", t -> t.put("description", "over\rwrite"),
                        "description", "control characters other than newline and tab"),
                broken("category unknown", t -> t.put("category", "BILLING"), "category",
                        "must be one of [OUTAGE, DEGRADED, FEATURE_PROBLEM, QUESTION, FEATURE_REQUEST, INSTALLATION, "
                                + "CONFIGURATION, BETA, PROFESSIONAL_SERVICES]"),
                broken("channel in lower case", t -> t.put("channel", "web"), "channel",
                        "must be one of [WEB, CHAT, PHONE]"),
                broken("impact unknown", t -> t.put("impact", "CATASTROPHIC"), "impact",
                        "must be one of [SERVICE_DOWN, SEVERELY_IMPAIRED, IMPAIRED, MINIMAL]"),
                broken("workaround unknown", t -> t.put("workaround", "MAYBE"), "workaround",
                        "must be one of [NONE, PARTIAL, AVAILABLE]"),
                broken("externalRef missing without Idempotency-Key", t -> t.remove("externalRef"), "externalRef",
                        "is required when no Idempotency-Key header is sent"),
                broken("externalRef too long", t -> t.put("externalRef", "r".repeat(201)), "externalRef",
                        "at most 200 characters"),
                broken("submittedAt not an instant", t -> t.put("submittedAt", "yesterday"), "submittedAt",
                        "is not an ISO-8601 instant"),
                broken("submittedAt without a time zone", t -> t.put("submittedAt", "2026-11-25T10:00:00"),
                        "submittedAt", "is not an ISO-8601 instant"),
                broken("submittedAt as a number", t -> t.put("submittedAt", 1764064800), "submittedAt",
                        "must be a string"));
    }

    private static Arguments broken(String name, Consumer<Map<String, Object>> breakIt, String field, String message) {
        return Arguments.of(name, breakIt, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTickets")
    void aBrokenFieldIsRefusedByNameAndNothingIsPublished(String name, Consumer<Map<String, Object>> breakIt,
                                                          String field, String message) {
        Map<String, Object> ticket = validTicket("BUSINESS");
        breakIt.accept(ticket);

        post(WEB_KEY, ticket).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertNothingPublishedBefore(received);
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswer() {
        Map<String, Object> ticket = validTicket("GOLD");
        customerOf(ticket).put("email", "nope");
        customerOf(ticket).put("locale", "fr_FR!");
        ticket.remove("subject");
        ticket.put("impact", "HUGE");

        post(WEB_KEY, ticket).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("plan", "customer.email", "customer.locale", "subject", "impact"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void valuesExactlyAtTheLimitsAreAccepted() {
        Map<String, Object> ticket = validTicket("PRO");
        ticket.put("subject", "\uD83D\uDE80".repeat(200));
        ticket.put("description", "d".repeat(32 * 1024));
        customerOf(ticket).put("locale", "DE");

        post(WEB_KEY, ticket).statusCode(202);
    }

    @Test
    void aLocaleSupportFlowDoesNotWriteFallsBackToEnglishAndTheAnswerSaysSo() {
        Map<String, Object> ticket = validTicket("PRO");
        customerOf(ticket).put("locale", "fr-CA");

        String ticketId = post(WEB_KEY, ticket).statusCode(202)
                .body("locale", equalTo("en"))
                .body("notices[0]", containsString("customer.locale fr-CA is not a language SupportFlow writes in"))
                .extract().path("ticketId");
        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(10));
        assertThat(event.customer().locale()).isEqualTo("en");
    }

    @Test
    void aRegionalTagOfAWrittenLanguageIsWrittenInThatLanguageWithoutANotice() {
        Map<String, Object> ticket = validTicket("PRO");
        customerOf(ticket).put("locale", "de-AT");

        post(WEB_KEY, ticket).statusCode(202).body("locale", equalTo("de")).body("notices", nullValue());
    }

    @Test
    void optionalFieldsMayBeLeftOutAndTheLocaleDefaultsToEnglish() {
        Map<String, Object> ticket = validTicket("FREE");
        ticket.remove("category");
        ticket.remove("impact");
        ticket.remove("workaround");
        customerOf(ticket).remove("locale");

        post(WEB_KEY, ticket).statusCode(202);
    }
}

package io.supportflow.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supportflow.events.EventType;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.testing.HostileInput;
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
 * The hostile-input table on the survey form and the stats API. A comment follows the text rules
 * of every service: refused naming it (the form again, 400) or kept exactly, published exactly and
 * shown escaped. Anything else hostile is a 4xx that stores nothing; the last test proves for the
 * whole table that surveys.responses holds only the answers it took.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int COMMENT_MAX_LENGTH = 2000;
    /** Guessing protection counts unknown tokens per client: each hostile link comes from a client of its own. */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    DataSource database;

    private static TopicReader topics;
    private static TopicWriter writer;
    private static final Set<String> answered = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void open() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        topics = TopicReader.fromNow(bootstrap, Topics.SURVEYS_REQUESTED, Topics.SURVEYS_RESPONSES);
        writer = new TopicWriter(bootstrap);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void lastOfAllSurveysResponsesHoldsOnlyTheAnswersTheTableTook() {
        try (TopicReader reader = topics; TopicWriter closing = writer) {
            Survey probe = survey();
            SurveyBrowser.answer(probe.path(), "5", "probe").then().statusCode(200);
            reader.awaitRecord(EventType.SURVEY_COMPLETED, probe.ticketId(), WAIT);

            assertThat(reader.records(r -> r.topic().equals(Topics.SURVEYS_RESPONSES)))
                    .extracting(ReceivedRecord::key)
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(answered.stream(), Stream.of(probe.ticketId())).toList());
        }
    }

    record Survey(String ticketId, String surveyId, String path) {
    }

    private static Survey survey() {
        Tickets ticket = Tickets.any();
        writer.publish(ticket.received("Printer offline", "en"));
        writer.publish(ticket.resolved(Tickets.now()));
        SurveyRequested requested = topics.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
        return new Survey(ticket.ticketId(), requested.surveyId(), SurveyBrowser.pathOf(requested.url()));
    }

    /** What Qute makes of text in a page. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String storedComment(Survey survey) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT comment FROM survey WHERE id = ?")) {
            select.setString(1, survey.surveyId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Posts what must be refused, and proves the survey is still unanswered and nothing waits to be published. */
    private void assertRefusedAndNothingStored(Survey survey, Runnable post) {
        long outbox = StoredRows.count(database, "outbox_event");
        post.run();
        assertThat(StoredRows.count(database, "outbox_event")).isEqualTo(outbox);
        SurveyBrowser.open(survey.path()).then().statusCode(200);
    }

    /**
     * The comment the form delivers. A lone surrogate can only travel as bytes that are not UTF-8, and
     * the form's decoding turns those into U+FFFD, as browsers do when they send one: the service gets
     * valid text. Every other text arrives exactly as typed.
     */
    private static String delivered(HostileInput.Case text) {
        return URLDecoder.decode(HostileInput.formEncoded(text.value()), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#texts")
    void aHostileCommentIsRefusedNamingItOrKeptPublishedAndShownExactly(HostileInput.Case text) throws SQLException {
        Survey survey = survey();
        String fields = "rating=4&comment=" + HostileInput.formEncoded(text.value());
        String comment = delivered(text);

        if (text.kind() != HostileInput.Kind.INVALID_UNICODE && HostileInput.refusedInText(text)) {
            assertRefusedAndNothingStored(survey, () -> SurveyBrowser.answerEncoded(survey.path(), fields).then()
                    .statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("role=\"alert\""), containsString("control characters that we cannot store"),
                            containsString("name=\"comment\" maxlength=\"2000\" aria-describedby=\"form-error\" aria-invalid=\"true\"")));
        } else {
            Response thanks = SurveyBrowser.answerEncoded(survey.path(), fields);
            answered.add(survey.ticketId());
            thanks.then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<blockquote>" + escaped(comment) + "</blockquote>"));
            if (!escaped(comment).equals(comment)) {
                assertThat(thanks.asString()).doesNotContain(comment);
            }
            SurveyCompleted completed = topics.awaitEvent(EventType.SURVEY_COMPLETED, survey.ticketId(), WAIT);
            assertThat(completed.comment()).isEqualTo(comment);
            assertThat(storedComment(survey)).isEqualTo(comment);
        }
    }

    @Test
    void aCommentOfTheLongestLengthInAnyScriptIsKept() throws SQLException {
        Survey survey = survey();
        // Three bytes in UTF-8 each, nine once percent-encoded: the largest comment a form can carry.
        String longest = "字".repeat(COMMENT_MAX_LENGTH - 2) + "\uD83D\uDD25";

        SurveyBrowser.answer(survey.path(), "2", longest).then().statusCode(200);
        answered.add(survey.ticketId());

        assertThat(topics.<SurveyCompleted>awaitEvent(EventType.SURVEY_COMPLETED, survey.ticketId(), WAIT).comment())
                .isEqualTo(longest);
        assertThat(storedComment(survey)).isEqualTo(longest);
    }

    @Test
    void aCommentHoldingFormSyntaxIsKeptExactly() throws SQLException {
        Survey survey = survey();
        String comment = "1+1=2 & 100% sure; a=b&c=%41 %zz";

        SurveyBrowser.answer(survey.path(), "5", comment).then().statusCode(200);
        answered.add(survey.ticketId());

        assertThat(topics.<SurveyCompleted>awaitEvent(EventType.SURVEY_COMPLETED, survey.ticketId(), WAIT).comment())
                .isEqualTo(comment);
        assertThat(storedComment(survey)).isEqualTo(comment);
    }

    @Test
    void aCommentOverTheLengthGetsTheFormBackNamingIt() {
        Survey survey = survey();

        assertRefusedAndNothingStored(survey, () -> SurveyBrowser.answer(survey.path(), "3", "x".repeat(COMMENT_MAX_LENGTH + 1))
                .then().statusCode(400).body(containsString("Please shorten your comment to at most 2000 characters."),
                        containsString("aria-invalid=\"true\"")));
    }

    @ParameterizedTest(name = "rating \"{0}\"")
    @ValueSource(strings = {"0", "6", "-1", "2.5", "five", "", "99999999999", "4 OR 1=1", "%00"})
    void aRatingThatIsNotOneToFiveGetsTheFormBackNamingIt(String rating) {
        Survey survey = survey();
        String fields = "rating=" + (rating.startsWith("%") ? rating : HostileInput.formEncoded(rating)) + "&comment=fine";

        assertRefusedAndNothingStored(survey, () -> SurveyBrowser.answerEncoded(survey.path(), fields).then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Please choose a rating from 1 to 5."), containsString("<fieldset aria-describedby=\"form-error\">")));
    }

    @Test
    void aFormWithoutItsFieldsGetsTheFormBackNamingTheRating() {
        Survey survey = survey();

        assertRefusedAndNothingStored(survey, () -> SurveyBrowser.answerEncoded(survey.path(), "unexpected=1").then()
                .statusCode(400).body(containsString("Please choose a rating from 1 to 5.")));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413Problem() {
        Survey survey = survey();

        assertRefusedAndNothingStored(survey, () -> SurveyBrowser.answerEncoded(survey.path(),
                        "rating=5&comment=" + HostileInput.oversized(128 * 1024))
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "text/plain", "application/xml"})
    void aBodyThatIsNotAFormIsRefusedWith415Problem(String contentType) {
        Survey survey = survey();

        assertRefusedAndNothingStored(survey, () -> given().contentType(contentType).body("{\"rating\": 5}")
                .post(survey.path())
                .then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type")));
    }

    /** A link nothing has: the bare 404 of an unknown token (400 when the URL cannot be decoded), never an echo. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.supportflow.testing.HostileInput#urlValues")
    void aHostileTokenIsABare404ThatRepeatsNothing(HostileInput.UrlValue token) {
        String client = "198.51.100." + CLIENTS.incrementAndGet();
        String path = "/surveys/" + token.encoded();
        Map<String, String> headers = Map.of("X-Forwarded-For", client,
                "Content-Type", "application/x-www-form-urlencoded");

        for (RawHttp.Answer answer : new RawHttp.Answer[] {RawHttp.get(RestAssured.port, path, headers),
                RawHttp.post(RestAssured.port, path, headers, "rating=5&comment=x&csrf=x")}) {
            if (token.undecodable()) {
                assertThat(answer.status()).isEqualTo(400);
            } else {
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.body()).isEqualTo("Not Found");
            }
            assertThat(answer.body()).doesNotContain(token.echo());
        }
    }

    static Stream<HostileUrl> hostileStatsParameters() {
        String stats = "/api/v1/surveys/stats";
        return Stream.of(
                HostileUrl.values(stats, "from", ""),
                HostileUrl.values(stats, "to", "from=2026-01-01T00:00:00Z"),
                Stream.of(
                        HostileUrl.wrong(stats, "from", "2026-02-30T00:00:00Z", ""),
                        HostileUrl.wrong(stats, "from", "yesterday", ""),
                        HostileUrl.wrong(stats, "to", "2026-02-01T00:00:00Z", "from=2026-03-01T00:00:00Z"),
                        HostileUrl.wrong(stats, "to", "+1000000000-12-31T23:59:59Z", ""),
                        HostileUrl.wrong(stats, "from", "-1000000000-01-01T00:00:00Z", "to=2026-02-01T00:00:00Z")))
                .flatMap(urls -> urls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStatsParameters")
    void aHostileStatsParameterIsRefusedAsAProblemNamingItWithoutEchoingIt(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("ops", "ops-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
    }
}

package io.supportflow.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventType;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SurveyPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TopicClients.Reads({Topics.SURVEYS_REQUESTED, Topics.SURVEYS_RESPONSES})
    private TopicReader topics;
    private TopicWriter writer;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.followSystemClock();
    }

    private SurveyRequested surveyFor(Tickets ticket, String subject, String locale) {
        writer.publish(ticket.received(subject, locale));
        writer.publish(ticket.resolved(Tickets.now()));
        return topics.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
    }

    @Test
    void aCustomerAnswersThroughTheFormAndTheAnswerIsPublished() {
        Tickets ticket = Tickets.any();
        SurveyRequested survey = surveyFor(ticket, "Cannot join any meeting", "en");
        String path = SurveyBrowser.pathOf(survey.url());

        SurveyBrowser.open(path).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<html lang=\"en\">"), containsString(ticket.reference()),
                        containsString("Cannot join any meeting"), containsString("5 – Very satisfied"),
                        containsString("<label for=\"comment\">"), not(containsString("<script")));

        SurveyBrowser.answer(path, "4", "Quick and friendly.").then().statusCode(200)
                .body(containsString("Thank you!"), containsString("Quick and friendly."));

        ReceivedRecord record = topics.awaitRecord(EventType.SURVEY_COMPLETED, ticket.ticketId(), WAIT);
        SurveyCompleted completed = (SurveyCompleted) record.envelope().event();
        assertThat(completed.surveyId()).isEqualTo(survey.surveyId());
        assertThat(completed.rating()).isEqualTo(4);
        assertThat(completed.comment()).isEqualTo("Quick and friendly.");
        assertThat(record.header("ce_id")).isEqualTo(DeterministicIds.eventId(survey.surveyId(), "survey-completed"));
    }

    @Test
    void aGermanCustomerGetsTheSurveyInGerman() {
        SurveyRequested survey = surveyFor(Tickets.any(), "Drucker streikt", "de");

        SurveyBrowser.open(SurveyBrowser.pathOf(survey.url())).then().statusCode(200)
                .header("Content-Language", "de")
                .body(containsString("<html lang=\"de\">"), containsString("Betreff"),
                        containsString("5 – Sehr zufrieden"), containsString("Bewertung senden"));
    }

    @Test
    void aSecondAnswerIsRefusedPolitelyAndNotPublished() {
        Tickets ticket = Tickets.any();
        String path = SurveyBrowser.pathOf(surveyFor(ticket, "Slow search", "en").url());
        Response firstPage = SurveyBrowser.open(path);
        SurveyBrowser.answer(path, "5", "").then().statusCode(200);

        HtmlForm staleForm = HtmlForm.of(firstPage.asString());
        given().contentType(ContentType.URLENC).formParams(staleForm.hiddenInputs())
                .formParam("rating", "1").formParam("comment", "changed my mind")
                .post(path)
                .then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("already been answered"));
        SurveyBrowser.open(path).then().statusCode(409);

        topics.awaitRecord(EventType.SURVEY_COMPLETED, ticket.ticketId(), WAIT);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                topics.events(EventType.SURVEY_COMPLETED, ticket.ticketId()).size() == 1);
        SurveyCompleted only = topics.<SurveyCompleted>events(EventType.SURVEY_COMPLETED, ticket.ticketId()).get(0);
        assertThat(only.rating()).isEqualTo(5);
    }

    @Test
    void anExpiredSurveySaysSoAndTakesNoAnswer() {
        String path = SurveyBrowser.pathOf(surveyFor(Tickets.any(), "Old issue", "en").url());
        Response page = SurveyBrowser.open(path);

        TestClock.CLOCK.set(Tickets.now().plus(Duration.ofDays(31)));

        SurveyBrowser.open(path).then().statusCode(410).body(containsString("expired"));
        given().contentType(ContentType.URLENC).formParams(HtmlForm.of(page.asString()).hiddenInputs())
                .formParam("rating", "5").formParam("comment", "")
                .post(path).then().statusCode(410);
    }

    @Test
    void anUnknownTokenIsABare404() {
        String unknown = "/surveys/" + "A".repeat(43);
        given().get(unknown).then().statusCode(404).contentType(containsString("text/plain"))
                .body(equalTo("Not Found"));
        given().contentType(ContentType.URLENC).formParam("rating", "5").post(unknown)
                .then().statusCode(404).body(equalTo("Not Found"));
        given().get("/surveys/short").then().statusCode(404).body(equalTo("Not Found"));
    }

    @Test
    void aHostileSubjectAndCommentAreShownEscaped() {
        String hostile = "<script>alert('x')</script> & \"quotes\"";
        String path = SurveyBrowser.pathOf(surveyFor(Tickets.any(), hostile, "en").url());

        SurveyBrowser.open(path).then().statusCode(200)
                .body(not(containsString("<script>")),
                        containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        SurveyBrowser.answer(path, "3", "<img src=x onerror=alert(1)>").then().statusCode(200)
                .body(not(containsString("<img")), containsString("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void aRatingOutsideOneToFiveGetsTheFormBackWithTheProblemAndKeepsTheComment() {
        Tickets ticket = Tickets.any();
        String path = SurveyBrowser.pathOf(surveyFor(ticket, "Login loop", "en").url());

        SurveyBrowser.answer(path, "7", "<b>kept</b>").then().statusCode(400)
                .body(containsString("role=\"alert\""), containsString("Please choose a rating from 1 to 5."),
                        containsString("&lt;b&gt;kept&lt;/b&gt;</textarea>"));
        SurveyBrowser.answer(path, "2", "").then().statusCode(200);
        SurveyCompleted completed = topics.awaitEvent(EventType.SURVEY_COMPLETED, ticket.ticketId(), WAIT);
        assertThat(completed.rating()).isEqualTo(2);
    }

    @Test
    void aPostWithoutTheFormsSignatureIsRefused() {
        String path = SurveyBrowser.pathOf(surveyFor(Tickets.any(), "Forged", "en").url());

        given().contentType(ContentType.URLENC).formParam("rating", "1").formParam("comment", "")
                .formParam("csrf", "forged").post(path)
                .then().statusCode(403).body(containsString("could not verify"));
        SurveyBrowser.open(path).then().statusCode(200);
    }
}

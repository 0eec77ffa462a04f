package io.supportflow.survey;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Drives the survey page as a customer's browser does: open the link, fill in the form, send it. */
final class SurveyBrowser {

    private SurveyBrowser() {
    }

    /** The path of a survey link, e.g. {@code /surveys/abc}: tests talk to the app on its test port. */
    static String pathOf(String url) {
        return URI.create(url).getPath();
    }

    static Response open(String surveyPath) {
        return given().accept(ContentType.HTML).get(surveyPath);
    }

    /** Opens the page, then posts the rating and comment with every hidden input and the cookies it got. */
    static Response answer(String surveyPath, String rating, String comment) {
        Response page = open(surveyPath);
        if (page.statusCode() != 200) {
            throw new AssertionError("Survey page answered " + page.statusCode() + ":\n" + page.asString());
        }
        HtmlForm form = HtmlForm.of(page.asString());
        URI target = URI.create(surveyPath).resolve(form.action());
        return given().accept(ContentType.HTML).cookies(page.cookies())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(form.hiddenInputs())
                .formParams(Map.of("rating", rating, "comment", comment))
                .post(target.getPath());
    }
}

package io.supportflow.survey;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

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
        Response page = openForm(surveyPath);
        HtmlForm form = HtmlForm.of(page.asString());
        return given().accept(ContentType.HTML).cookies(page.cookies())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(form.hiddenInputs())
                .formParams(Map.of("rating", rating, "comment", comment))
                .post(targetOf(surveyPath, form));
    }

    /**
     * Like {@link #answer}, but the fields go as {@code encodedFields}, sent as they are: what a browser
     * would not send, such as {@code rating=7&comment=%ED%A0%BD}.
     */
    static Response answerEncoded(String surveyPath, String encodedFields) {
        Response page = openForm(surveyPath);
        HtmlForm form = HtmlForm.of(page.asString());
        String hidden = form.hiddenInputs().entrySet().stream()
                .map(input -> encoded(input.getKey()) + "=" + encoded(input.getValue()))
                .collect(Collectors.joining("&"));
        return given().accept(ContentType.HTML).cookies(page.cookies())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .body(hidden + "&" + encodedFields)
                .post(targetOf(surveyPath, form));
    }

    private static Response openForm(String surveyPath) {
        Response page = open(surveyPath);
        if (page.statusCode() != 200) {
            throw new AssertionError("Survey page answered " + page.statusCode() + ":\n" + page.asString());
        }
        return page;
    }

    private static String targetOf(String surveyPath, HtmlForm form) {
        return URI.create(surveyPath).resolve(form.action()).getPath();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

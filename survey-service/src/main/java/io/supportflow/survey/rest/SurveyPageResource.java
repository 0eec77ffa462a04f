package io.supportflow.survey.rest;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.supportflow.runtime.ratelimit.KeyedRateLimiter;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.InvalidAnswerException;
import io.supportflow.survey.service.AnswerOutcome;
import io.supportflow.survey.service.GuessingGuard;
import io.supportflow.survey.service.SurveyAnswers;
import io.supportflow.survey.service.SurveyPage;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a customer reaches from the survey email: a plain HTML form that works without
 * JavaScript. An unknown token gets a bare 404 that says nothing about surveys.
 */
@Path("/surveys/{token}")
public class SurveyPageResource {

    /** The hidden form field carrying the form's signature. */
    public static final String SIGNATURE_FIELD = "csrf";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SurveyPage survey, InvalidAnswerException.Reason invalid, int commentMaxLength);

        static native TemplateInstance thanks(SurveyPage survey);

        static native TemplateInstance answered(SurveyPage survey);

        static native TemplateInstance expired(SurveyPage survey);

        static native TemplateInstance forged(SurveyPage survey);
    }

    private final SurveyAnswers answers;
    private final GuessingGuard guard;
    private final SurveyConfig config;

    SurveyPageResource(SurveyAnswers answers, GuessingGuard guard, SurveyConfig config) {
        this.answers = answers;
        this.guard = guard;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The survey form of the link in the customer's email")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No survey has this token (a bare text that says nothing more)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "409", description = "The survey was answered already",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The survey has expired", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "429", description = "Too many unknown tokens from this client; see Retry-After",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    public Response show(@RestPath String token, @Context HttpServerRequest request) {
        String client = request.remoteAddress().hostAddress();
        Optional<Duration> retryAfter = guard.retryAfter(client);
        if (retryAfter.isPresent()) {
            return tooManyGuesses(retryAfter.get());
        }
        Optional<SurveyPage> page = answers.page(token);
        if (page.isEmpty()) {
            return notFound(client);
        }
        SurveyPage survey = page.get();
        return switch (survey.state()) {
            case OPEN -> html(200, Templates.form(survey, null, config.commentMaxLength()), survey);
            case ANSWERED -> html(409, Templates.answered(survey), survey);
            case EXPIRED -> html(410, Templates.expired(survey), survey);
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The customer's answer: a rating 1 to 5 and an optional comment, signed by the form")
    @APIResponse(responseCode = "200", description = "Thanks: the answer is kept and published",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The form again, naming what to correct (rating, comment)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "The form's signature does not fit this survey",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No survey has this token (a bare text that says nothing more)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "409", description = "The survey was answered already",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The survey has expired", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "429", description = "Too many unknown tokens from this client; see Retry-After",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    public Response answer(@RestPath String token, @RestForm String rating, @RestForm String comment,
                           @RestForm(SIGNATURE_FIELD) String signature, @Context HttpServerRequest request) {
        String client = request.remoteAddress().hostAddress();
        Optional<Duration> retryAfter = guard.retryAfter(client);
        if (retryAfter.isPresent()) {
            return tooManyGuesses(retryAfter.get());
        }
        Optional<AnswerOutcome> outcome = answers.answer(token, signature, rating, comment);
        if (outcome.isEmpty()) {
            return notFound(client);
        }
        SurveyPage survey = outcome.get().page();
        return switch (outcome.get().kind()) {
            case COMPLETED -> html(200, Templates.thanks(survey), survey);
            case ALREADY_ANSWERED -> html(409, Templates.answered(survey), survey);
            case EXPIRED -> html(410, Templates.expired(survey), survey);
            case FORGED -> html(403, Templates.forged(survey), survey);
            case INVALID -> html(400, Templates.form(survey, outcome.get().invalid(), config.commentMaxLength()), survey);
        };
    }

    private Response notFound(String client) {
        guard.recordMiss(client);
        return Response.status(404).type(MediaType.TEXT_PLAIN).entity("Not Found").build();
    }

    private static Response tooManyGuesses(Duration retryAfter) {
        return Response.status(429).type(MediaType.TEXT_PLAIN).entity("Too Many Requests")
                .header("Retry-After", KeyedRateLimiter.retryAfterSeconds(retryAfter)).build();
    }

    // The token is in the URL: keep it out of caches and Referer headers, and allow no scripts at all.
    private static Response html(int status, TemplateInstance page, SurveyPage survey) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.setLocale(survey.locale()))
                .header("Content-Language", survey.locale().getLanguage())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }
}

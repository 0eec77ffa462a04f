package io.supportflow.survey.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.supportflow.events.SurveyCompleted;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.FormSignature;
import io.supportflow.survey.domain.InvalidAnswerException;
import io.supportflow.survey.domain.SurveyAnswer;
import io.supportflow.survey.domain.SurveyTokens;
import io.supportflow.survey.repository.SurveyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The customer's side of a survey: showing it and storing its one answer. Empty means no such survey. */
@ApplicationScoped
public class SurveyAnswers {

    static final String ROLE = "survey-completed";

    private final Outbox outbox;
    private final Clock clock;
    private final SurveyConfig config;
    private final FormSignature signature;

    SurveyAnswers(Outbox outbox, Clock clock, SurveyConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.signature = new FormSignature(config.formSecret());
    }

    @Transactional
    public Optional<SurveyPage> page(String token) {
        if (!SurveyTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return SurveyEntity.byToken(token).map(survey -> pageOf(survey, clock.instant()));
    }

    @Transactional
    public Optional<AnswerOutcome> answer(String token, String formSignature, String rating, String comment) {
        if (!SurveyTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return SurveyEntity.byTokenForUpdate(token).map(survey -> answer(survey, formSignature, rating, comment));
    }

    private AnswerOutcome answer(SurveyEntity survey, String formSignature, String rating, String comment) {
        Instant now = clock.instant();
        SurveyPage page = pageOf(survey, now);
        if (!signature.verify(survey.token, formSignature)) {
            return AnswerOutcome.of(AnswerOutcome.Kind.FORGED, page);
        }
        if (page.state() == SurveyPage.State.ANSWERED) {
            return AnswerOutcome.of(AnswerOutcome.Kind.ALREADY_ANSWERED, page);
        }
        if (page.state() == SurveyPage.State.EXPIRED) {
            return AnswerOutcome.of(AnswerOutcome.Kind.EXPIRED, page);
        }
        SurveyAnswer answer;
        try {
            answer = SurveyAnswer.parse(rating, comment, config.commentMaxLength());
        } catch (InvalidAnswerException e) {
            return new AnswerOutcome(AnswerOutcome.Kind.INVALID, page.withAnswer(null, comment), e.reason());
        }
        survey.rating = answer.rating();
        survey.comment = answer.comment();
        survey.respondedAt = now;
        outbox.add(survey.id, ROLE, now,
                new SurveyCompleted(survey.ticket.ticketId, survey.id, answer.rating(), answer.comment(), now));
        return AnswerOutcome.of(AnswerOutcome.Kind.COMPLETED, page.withAnswer(answer.rating(), answer.comment()));
    }

    private SurveyPage pageOf(SurveyEntity survey, Instant now) {
        SurveyPage.State state = survey.isAnswered() ? SurveyPage.State.ANSWERED
                : survey.isExpiredAt(now) ? SurveyPage.State.EXPIRED
                : SurveyPage.State.OPEN;
        return new SurveyPage(state, survey.token, survey.ticket.reference, survey.ticket.subject,
                localeOf(survey.ticket.locale), signature.sign(survey.token), survey.rating, survey.comment);
    }

    private static Locale localeOf(String locale) {
        return "de".equalsIgnoreCase(locale) ? Locale.GERMAN : Locale.ENGLISH;
    }
}

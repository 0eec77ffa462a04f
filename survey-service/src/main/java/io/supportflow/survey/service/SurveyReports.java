package io.supportflow.survey.service;

import java.time.Instant;
import java.util.List;

import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.SurveyFacts;
import io.supportflow.survey.domain.SurveyStatistics;
import io.supportflow.survey.domain.SurveyStats;
import io.supportflow.survey.repository.SurveyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Satisfaction statistics for ops and analytics. */
@ApplicationScoped
public class SurveyReports {

    private final SurveyConfig config;

    SurveyReports(SurveyConfig config) {
        this.config = config;
    }

    @Transactional
    public SurveyStats between(Instant from, Instant to) {
        List<SurveyFacts> surveys = SurveyEntity.requestedBetween(from, to).stream()
                .map(s -> new SurveyFacts(s.id, s.ticket.reference, s.ticket.plan, s.ticket.priority, s.ticket.channel,
                        s.requestedAt, s.rating, s.comment, s.respondedAt))
                .toList();
        return SurveyStatistics.of(from, to, surveys, config.stats().latestComments());
    }
}

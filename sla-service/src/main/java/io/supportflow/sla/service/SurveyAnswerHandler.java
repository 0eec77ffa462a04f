package io.supportflow.sla.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.repository.SatisfactionEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the survey answers the console shows next to the SLA figures. An answer is keyed by its survey, not
 * its ticket, so there is nothing to lock: a batch's answers are gathered per ticket and stored at its end,
 * after one look-up of those already stored.
 */
@ApplicationScoped
public class SurveyAnswerHandler implements BatchHandler<List<SurveyCompleted>> {

    @Override
    public boolean concerns(EventEnvelope event) {
        return event.event() instanceof SurveyCompleted;
    }

    @Override
    public Map<String, List<SurveyCompleted>> stateOf(SortedSet<String> ticketIds) {
        Map<String, List<SurveyCompleted>> answers = new LinkedHashMap<>();
        ticketIds.forEach(ticketId -> answers.put(ticketId, new ArrayList<>()));
        return answers;
    }

    @Override
    public List<Publication> apply(EventEnvelope event, List<SurveyCompleted> answers) {
        answers.add((SurveyCompleted) event.event());
        return List.of();
    }

    /** Stores each survey's first answer: one already stored, or given twice in the batch, is not stored again. */
    @Override
    public void completed(Map<String, List<SurveyCompleted>> tickets) {
        List<SurveyCompleted> answers = tickets.values().stream().flatMap(List::stream).toList();
        Set<String> answered = new HashSet<>(
                SatisfactionEntity.storedOf(answers.stream().map(SurveyCompleted::surveyId).toList()));
        for (SurveyCompleted answer : answers) {
            if (answered.add(answer.surveyId())) {
                SatisfactionEntity.of(answer).persist();
            }
        }
    }
}

package io.supportflow.sla.console;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the survey answers the console shows next to the SLA figures. Services talk only through
 * Kafka, so sla-service reads {@code surveys.responses} instead of asking survey-service.
 */
@ApplicationScoped
public class SurveyResponseListener {

    /** The consumer name under which answers are recorded as processed (the clocks' listeners use their own). */
    static final String CONSUMER = "sla-service-satisfaction";

    private final EventBatches batches;

    SurveyResponseListener(EventBatches batches) {
        this.batches = batches;
    }

    @Incoming("surveys-responses")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, CONSUMER, this::apply);
    }

    /** Stores each survey's first answer: one already stored, or given twice in the batch, is not stored again. */
    private void apply(List<EventEnvelope> events) {
        List<SurveyCompleted> answers = events.stream()
                .map(EventEnvelope::event)
                .filter(SurveyCompleted.class::isInstance)
                .map(SurveyCompleted.class::cast)
                .toList();
        Set<String> answered = new HashSet<>(
                SatisfactionEntity.storedOf(answers.stream().map(SurveyCompleted::surveyId).toList()));
        for (SurveyCompleted answer : answers) {
            if (answered.add(answer.surveyId())) {
                SatisfactionEntity.of(answer).persist();
            }
        }
    }
}

package io.supportflow.sla.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.SurveyAnswerHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Survey answers, for the console's satisfaction figures: services talk only through Kafka, so sla-service
 * reads {@code surveys.responses} instead of asking survey-service.
 */
@ApplicationScoped
public class SurveyResponseListener {

    static final String CHANNEL = "surveys-responses";

    private final EventBatches batches;
    private final SurveyAnswerHandler answers;

    SurveyResponseListener(EventBatches batches, SurveyAnswerHandler answers) {
        this.batches = batches;
        this.answers = answers;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, answers);
    }
}

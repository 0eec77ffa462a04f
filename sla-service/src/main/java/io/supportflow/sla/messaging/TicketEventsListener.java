package io.supportflow.sla.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.service.ClockEventHandler;
import io.supportflow.sla.service.SurveyAnswerHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ticket events sla-service follows, read by one Kafka consumer from five topics, a poll per transaction. What
 * moves a ticket's clocks goes to {@link ClockEventHandler}: a receipt starts the response clock, a priority
 * decision sets the targets, the "ticket logged" message stops the response clock, an acknowledgement or a
 * resolution the handling clock. Survey answers go to {@link SurveyAnswerHandler}, for the console's satisfaction
 * figures: services talk only through Kafka, so sla-service reads {@code surveys.responses} instead of asking
 * survey-service. One consumer rather than one per topic, since each consumer polls, fetches and commits on its own.
 */
@ApplicationScoped
public class TicketEventsListener {

    static final String CHANNEL = "ticket-events";

    private final EventBatches batches;
    private final ClockEventHandler clocks;
    private final SurveyAnswerHandler answers;

    TicketEventsListener(EventBatches batches, ClockEventHandler clocks, SurveyAnswerHandler answers) {
        this.batches = batches;
        this.clocks = clocks;
        this.answers = answers;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, clocks, answers);
    }
}

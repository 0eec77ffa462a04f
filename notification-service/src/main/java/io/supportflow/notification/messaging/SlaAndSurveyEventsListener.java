package io.supportflow.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.notification.service.OnCallPager;
import io.supportflow.notification.service.SlaBreachAlerter;
import io.supportflow.notification.service.SurveyNotifier;
import io.supportflow.runtime.messaging.EventBatches;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What other services ask to tell, read by one Kafka consumer from three topics, a poll per transaction: a ticket to
 * be handled at once pages the on-call people and webhooks sla named ({@code sla.events}); a missed response target
 * alerts ops by email and an escalation level reaches its recipients ({@code sla.breaches}); an opened survey sends
 * its link to the customer ({@code surveys.requested}). Each handler takes the events it concerns; none of them
 * needs an SLA policy, so unlike the ticket consumer this one never waits for one.
 */
@ApplicationScoped
public class SlaAndSurveyEventsListener {

    static final String CHANNEL = "sla-and-survey-events";

    private final EventBatches batches;
    private final OnCallPager pager;
    private final SlaBreachAlerter alerter;
    private final SurveyNotifier surveys;

    SlaAndSurveyEventsListener(EventBatches batches, OnCallPager pager, SlaBreachAlerter alerter,
                               SurveyNotifier surveys) {
        this.batches = batches;
        this.pager = pager;
        this.alerter = alerter;
        this.surveys = surveys;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CHANNEL, batch, pager, alerter, surveys);
    }
}

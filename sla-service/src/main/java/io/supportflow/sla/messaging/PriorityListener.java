package io.supportflow.sla.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.sla.domain.PriorityDecision;
import io.supportflow.sla.service.ClockBatch;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;

/** Priority decisions set the target a clock runs against. */
@ApplicationScoped
public class PriorityListener {

    private final EventBatches batches;
    private final SlaClocks clocks;

    PriorityListener(EventBatches batches, SlaClocks clocks) {
        this.batches = batches;
        this.clocks = clocks;
    }

    @Incoming("tickets-priority")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, Consumers.SLA, this::apply);
    }

    private void apply(List<EventEnvelope> events) {
        List<Decision> decisions = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            if (envelope.event() instanceof PriorityAssigned assigned) {
                decisions.add(new Decision(envelope.id(), PriorityDecision.of(assigned)));
            } else if (envelope.event() instanceof TriageReviewRequested review) {
                decisions.add(new Decision(envelope.id(), PriorityDecision.of(review)));
            }
        }
        ClockBatch batch = clocks.forTickets(decisions.stream().map(d -> d.decision().ticketId()).toList());
        decisions.forEach(d -> batch.priorityDecided(d.eventId(), d.decision()));
    }

    private record Decision(String eventId, PriorityDecision decision) {
    }
}

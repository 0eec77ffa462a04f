package io.supportflow.sla.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.service.SlaClocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Priority decisions set the target a clock runs against. */
@ApplicationScoped
public class PriorityListener {

    private final ProcessedEvents processedEvents;
    private final SlaClocks clocks;

    PriorityListener(ProcessedEvents processedEvents, SlaClocks clocks) {
        this.processedEvents = processedEvents;
        this.clocks = clocks;
    }

    @RetryTransientFailures
    @Incoming("tickets-priority")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IncomingRecords.read(record);
        if (!processedEvents.firstDelivery(Consumers.SLA, envelope.id())) {
            return;
        }
        if (envelope.event() instanceof PriorityAssigned assigned) {
            clocks.priorityDecided(envelope.id(), assigned.ticketId(),
                    new PriorityChange(PriorityChange.Kind.ASSIGNED, assigned.priority(), assigned.assignedAt()));
        } else if (envelope.event() instanceof TriageReviewRequested review) {
            clocks.priorityDecided(envelope.id(), review.ticketId(),
                    new PriorityChange(PriorityChange.Kind.PROVISIONAL, review.provisionalPriority(), review.at()));
        }
    }
}

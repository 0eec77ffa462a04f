package io.supportflow.intake.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.supportflow.intake.service.TicketViewUpdates;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds every ticket topic into the ticket view. One channel per topic, so that each has its
 * own dead-letter topic; an unreadable record fails here and goes there.
 */
@ApplicationScoped
public class TicketViewListener {

    private final TicketViewUpdates updates;

    TicketViewListener(TicketViewUpdates updates) {
        this.updates = updates;
    }

    @RetryTransientFailures
    @Incoming("view-tickets-received")
    @Blocking
    public void ticketsReceived(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-tickets-lifecycle")
    @Blocking
    public void ticketsLifecycle(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-tickets-priority")
    @Blocking
    public void ticketsPriority(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-tickets-notifications")
    @Blocking
    public void ticketsNotifications(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-sla-events")
    @Blocking
    public void slaEvents(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-sla-breaches")
    @Blocking
    public void slaBreaches(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-surveys-requested")
    @Blocking
    public void surveysRequested(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }

    @RetryTransientFailures
    @Incoming("view-surveys-responses")
    @Blocking
    public void surveysResponses(ConsumerRecord<String, String> record) {
        updates.record(IncomingRecords.read(record));
    }
}

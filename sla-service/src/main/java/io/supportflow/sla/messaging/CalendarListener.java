package io.supportflow.sla.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.CalendarEvent;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.sla.service.Calendars;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps this instance's {@link Calendars} current when another instance changes a schedule or rotation: the event
 * is the whole new version (this instance's own changes come by too, and change nothing). A record that is not a
 * calendar event, or whose definition cannot be a schedule, goes to {@code sla.schedules.dlq}.
 */
@ApplicationScoped
public class CalendarListener {

    static final String CHANNEL = "sla-schedules";

    private final Calendars calendars;

    CalendarListener(Calendars calendars) {
        this.calendars = calendars;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (!(IncomingRecords.read(record).event() instanceof CalendarEvent changed)) {
            throw new UnreadableEventException("Not a schedule or rotation change on " + record.topic());
        }
        calendars.take(changed);
    }
}

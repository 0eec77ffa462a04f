package io.supportflow.survey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Workaround;

/** Events of one ticket as the other services publish them. */
record Tickets(String ticketId) {

    static Tickets any() {
        return new Tickets(UUID.randomUUID().toString());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    String reference() {
        return TicketReference.of(ticketId);
    }

    EventEnvelope received(String subject, String locale, Plan plan, Channel channel, Instant at) {
        Customer customer = new Customer("ACME-7", "Ada Example", "ada@example.com", locale);
        return envelope("/supportflow/intake-service", at, new TicketReceived(ticketId, reference(), channel,
                "form-" + ticketId, plan, customer, subject, "Every join fails.", null, Impact.SERVICE_DOWN,
                Workaround.NONE, at));
    }

    EventEnvelope received(String subject, String locale) {
        return received(subject, locale, Plan.PRO, Channel.WEB, now());
    }

    EventEnvelope resolved(Instant at) {
        return envelope("/supportflow/intake-service", at, new TicketResolved(ticketId, at, "agent", "Fixed."));
    }

    EventEnvelope reopened(Instant at) {
        return envelope("/supportflow/intake-service", at, new TicketReopened(ticketId, at, "agent", "Back again."));
    }

    EventEnvelope priority(Priority priority, Instant at) {
        return envelope("/supportflow/triage-service", at, new PriorityAssigned(ticketId, priority, null,
                PrioritySource.RULES, "test", "test", null, at));
    }

    private static EventEnvelope envelope(String source, Instant at, io.supportflow.events.SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, at, event);
    }
}

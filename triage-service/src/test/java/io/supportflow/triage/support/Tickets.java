package io.supportflow.triage.support;

import java.time.Instant;
import java.util.UUID;

import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Workaround;

/** Tickets as intake-service publishes them, for feeding triage in tests. */
public final class Tickets {

    private Tickets() {
    }

    public static TicketReceived ticket(Plan plan, String subject, String description, Category category, Impact impact,
                                        Workaround workaround, Instant receivedAt) {
        String externalRef = "form-" + UUID.randomUUID();
        String ticketId = DeterministicIds.ticketId(Channel.WEB, externalRef);
        return new TicketReceived(ticketId, "SF-" + ticketId.substring(0, 8).toUpperCase(), Channel.WEB, externalRef, plan,
                new Customer("ACME-7", "Ada Example", "ada@example.com", "en"), subject, description, category,
                impact, workaround, receivedAt);
    }

    /** Fields that contradict each other (service down, yet a feature request): review, provisionally P1. */
    public static TicketReceived forReview(Plan plan, Instant receivedAt) {
        return ticket(plan, "Dark mode", "We'd like a dark theme.", Category.FEATURE_REQUEST, Impact.SERVICE_DOWN,
                Workaround.NONE, receivedAt);
    }

    public static EventEnvelope envelope(TicketReceived ticket) {
        return EventEnvelope.of(DeterministicIds.eventId(ticket.ticketId(), "ticket-received"),
                "/supportflow/intake-service", ticket.receivedAt(), ticket);
    }
}

package io.supportflow.sla;

import java.time.Instant;
import java.util.UUID;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.TriageReviewRequested;

/** Events of one ticket as the other services would publish them, each with a fresh id. */
public record Tickets(String ticketId, String reference) {

    public static Tickets newTicket() {
        String id = UUID.randomUUID().toString();
        return new Tickets(id, "SF-" + id.substring(0, 8).toUpperCase());
    }

    public EventEnvelope received(Plan plan, Instant receivedAt) {
        Customer customer = new Customer("ACME-7", "Ada Lovelace", "ada@example.com", "en");
        return envelope("/supportflow/intake-service", receivedAt, new TicketReceived(ticketId, reference, Channel.WEB,
                "form-" + ticketId, plan, customer, "Cannot join", "Every join fails", null, null, null, receivedAt));
    }

    /** A phone ticket whose call started at {@code submittedAt}, received by intake at {@code receivedAt}. */
    public EventEnvelope calledIn(Plan plan, Instant submittedAt, Instant receivedAt) {
        Customer customer = new Customer("ACME-7", "Ada Lovelace", "ada@example.com", "en");
        return envelope("/supportflow/intake-service", receivedAt, new TicketReceived(ticketId, reference, Channel.PHONE,
                "call-" + ticketId, plan, customer, "Outage", "Nobody can join", null, null, null, receivedAt, submittedAt));
    }

    public EventEnvelope assigned(Priority priority, Instant at) {
        return envelope("/supportflow/triage-service", at,
                new PriorityAssigned(ticketId, priority, null, PrioritySource.RULES, "test", "test", null, at));
    }

    /** An agent's decision, as triage publishes it when an agent sets the priority. */
    public EventEnvelope agentDecided(Priority priority, Instant at) {
        return envelope("/supportflow/triage-service", at,
                new PriorityAssigned(ticketId, priority, null, PrioritySource.AGENT, "agent", "test", "agent-7", at));
    }

    public EventEnvelope reviewRequested(Priority provisional, Instant at) {
        return envelope("/supportflow/triage-service", at, new TriageReviewRequested(ticketId, provisional, "unsure", at));
    }

    public EventEnvelope reviewRequested(Priority provisional, Priority clockPriority, Instant at) {
        return envelope("/supportflow/triage-service", at,
                new TriageReviewRequested(ticketId, provisional, "unsure", at, clockPriority));
    }

    public EventEnvelope notified(NotificationKind kind, Instant sentAt) {
        return envelope("/supportflow/notification-service", sentAt,
                new CustomerNotified(ticketId, kind, "ada@example.com", "<" + UUID.randomUUID() + "@test>", sentAt));
    }

    public EventEnvelope logged(Instant sentAt) {
        return notified(NotificationKind.TICKET_LOGGED, sentAt);
    }

    public EventEnvelope acknowledged(Instant at) {
        return envelope("/supportflow/intake-service", at, new TicketAcknowledged(ticketId, at, "agent.alex", null));
    }

    public EventEnvelope resolved(Instant at) {
        return envelope("/supportflow/intake-service", at, new TicketResolved(ticketId, at, "agent.alex", "solved"));
    }

    private static EventEnvelope envelope(String source, Instant time, io.supportflow.events.SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, time, event);
    }
}

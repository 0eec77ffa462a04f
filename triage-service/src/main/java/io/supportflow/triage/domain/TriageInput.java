package io.supportflow.triage.domain;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Workaround;

/** What the rules look at: the structured fields a channel may have asked for, and the customer's text. */
public record TriageInput(Category category, Impact impact, Workaround workaround, String subject, String description) {

    public static TriageInput of(TicketReceived ticket) {
        return new TriageInput(ticket.category(), ticket.impact(), ticket.workaround(), ticket.subject(),
                ticket.description());
    }

    String text() {
        return (subject == null ? "" : subject) + "\n" + (description == null ? "" : description);
    }
}

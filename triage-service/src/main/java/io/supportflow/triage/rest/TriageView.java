package io.supportflow.triage.rest;

import java.time.Instant;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PrioritySource;
import io.supportflow.triage.repository.TriagedTicketEntity;

/** A ticket's current priority decision; while {@code inReview} the priority is provisional. */
public record TriageView(String ticketId, String reference, Plan plan, Priority priority, PrioritySource source,
                         String rule, String reason, String agentId, Instant decidedAt, boolean inReview) {

    static TriageView of(TriagedTicketEntity t) {
        return new TriageView(t.ticketId, t.reference, t.plan, t.priority, t.source, t.rule, t.reason, t.agentId,
                t.decidedAt, t.inReview);
    }
}

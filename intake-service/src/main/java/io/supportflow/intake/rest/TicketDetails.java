package io.supportflow.intake.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.intake.repository.TimelineEntryEntity;
import io.supportflow.intake.service.TicketViewQueries.TicketWithTimeline;

/**
 * A ticket as the topics describe it. {@code priority} and {@code sla} stay null until triage
 * and the SLA service have spoken; {@code priorityProvisional} marks a priority awaiting an agent's
 * review, requested at {@code priorityProvisionalSince}. {@code submittedAt} is the contact time the
 * channel adapter reported, null when it did not. {@code acknowledgedAt}/{@code acknowledgedBy} tell the first
 * take-up by an agent and {@code assignee} the one the newest acknowledgement named; null until then.
 * {@code plan} is the customer account's; {@code claimedPlan} the differing plan the channel adapter named, null
 * when it agreed or named none.
 */
public record TicketDetails(String ticketId, String reference, String status, String plan, String claimedPlan,
                            String channel,
                            String subject, String locale, Instant receivedAt, Instant submittedAt, String priority,
                            boolean priorityProvisional, Instant priorityProvisionalSince, Sla sla,
                            Instant acknowledgedAt, String acknowledgedBy, String assignee,
                            Instant lastEventAt, List<TimelineEntry> timeline) {

    /** The response target's state (RUNNING, WARNING, BREACHED, MET) and when it is due. */
    public record Sla(String state, Instant dueAt) {
    }

    /** One event: its CloudEvents id and type, event time, the service that wrote it, and what it says. */
    public record TimelineEntry(String eventId, String type, Instant time, String source, String topic,
                                String summary) {

        static TimelineEntry of(TimelineEntryEntity entry) {
            return new TimelineEntry(entry.eventId, entry.eventType, entry.eventTime, entry.source, entry.topic,
                    entry.summary);
        }
    }

    static TicketDetails of(TicketWithTimeline found) {
        TicketViewEntity view = found.ticket();
        return new TicketDetails(view.ticketId, view.reference, name(view.status), name(view.plan),
                view.claimedPlan, name(view.channel), view.subject, view.customerLocale, view.receivedAt, view.submittedAt,
                name(view.priority), view.priorityProvisional, provisionalSince(view),
                new Sla(name(view.slaState), view.slaDueAt), view.acknowledgedAt, view.acknowledgedBy,
                view.assignee, view.lastEventAt,
                found.timeline().stream().map(TimelineEntry::of).toList());
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** While the priority is provisional, the view's priority time is the review request's. */
    static Instant provisionalSince(TicketViewEntity view) {
        return view.priorityProvisional ? view.priorityAt : null;
    }
}

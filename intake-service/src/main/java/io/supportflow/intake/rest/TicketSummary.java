package io.supportflow.intake.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.intake.repository.TicketViewEntity;

/** A ticket in a list; a provisional priority is marked as in {@link TicketDetails}. */
public record TicketSummary(String ticketId, String reference, String status, String plan, String channel,
                            String priority, boolean priorityProvisional, Instant priorityProvisionalSince,
                            String slaState, String subject, Instant receivedAt) {

    static TicketSummary of(TicketViewEntity view) {
        return new TicketSummary(view.ticketId, view.reference, TicketDetails.name(view.status),
                TicketDetails.name(view.plan), TicketDetails.name(view.channel), TicketDetails.name(view.priority),
                view.priorityProvisional, TicketDetails.provisionalSince(view), TicketDetails.name(view.slaState),
                view.subject, view.receivedAt);
    }

    /** One page of a ticket list; {@code total} counts every match. */
    public record Page(List<TicketSummary> items, int page, int size, long total) {
    }
}

package io.supportflow.sla.console;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * A ticket on the console's ticket page: what sla-service knows of it, without asking another service.
 * {@code reference} and {@code plan} are null while its TicketReceived has not been consumed; {@code priority} is the
 * one its clocks run on, {@code priorityDecided} false while that is the default (triage has said nothing yet),
 * {@code provisional} true while triage's review is open. {@code notifications} are the timeline's lines of messages
 * sent or given up; {@code surveys} the customer's answers, oldest first (a reopened ticket may be asked again).
 */
public record TicketView(String ticketId, String reference, Plan plan, Priority priority,
                         boolean priorityDecided, boolean provisional,
                         List<ClockStatus> clocks, List<TimelineEntry> timeline, List<TimelineEntry> notifications,
                         List<SurveyAnswer> surveys) {

    /** A customer's answer to the satisfaction survey. */
    public record SurveyAnswer(int rating, String comment, Instant respondedAt) {
    }
}

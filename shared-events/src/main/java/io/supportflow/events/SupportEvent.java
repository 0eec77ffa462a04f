package io.supportflow.events;

/**
 * Every event SupportFlow publishes. Each is keyed by its ticket, so the events of one
 * ticket keep their order on a topic.
 */
public sealed interface SupportEvent permits TicketEvent, TriageEvent, NotificationEvent, SlaEvent, HandlingEvent, SlaEscalated,
        CalendarEvent, SurveyEvent, AccountChanged, SlaPolicyChanged, SubmissionResult {

    String ticketId();

    /** The record key: the ticket, so one ticket's events keep their order on a topic. */
    default String key() {
        return ticketId();
    }
}

package io.supportflow.events;

/**
 * Every event SupportFlow publishes. Each is keyed by its ticket, so the events of one
 * ticket keep their order on a topic.
 */
public sealed interface SupportEvent permits TicketEvent, TriageEvent, NotificationEvent, SlaEvent, SurveyEvent {

    String ticketId();
}

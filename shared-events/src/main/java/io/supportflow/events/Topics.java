package io.supportflow.events;

import java.util.List;

/** Topic names, shared by producers, consumers and tests. Every topic but sla.schedules is keyed by ticketId. */
public final class Topics {

    public static final String TICKETS_RECEIVED = "tickets.received";
    public static final String TICKETS_LIFECYCLE = "tickets.lifecycle";
    public static final String TICKETS_PRIORITY = "tickets.priority";
    public static final String TICKETS_NOTIFICATIONS = "tickets.notifications";
    public static final String SLA_EVENTS = "sla.events";
    public static final String SLA_BREACHES = "sla.breaches";
    /** Schedules and on-call rotations, keyed by what they change (calendar events). */
    public static final String SLA_SCHEDULES = "sla.schedules";
    public static final String SURVEYS_REQUESTED = "surveys.requested";
    public static final String SURVEYS_RESPONSES = "surveys.responses";

    /** The topics whose records are keyed by ticketId: every event on them belongs to one ticket's history. */
    public static final List<String> BY_TICKET = List.of(TICKETS_RECEIVED, TICKETS_LIFECYCLE, TICKETS_PRIORITY,
            TICKETS_NOTIFICATIONS, SLA_EVENTS, SLA_BREACHES, SURVEYS_REQUESTED, SURVEYS_RESPONSES);

    public static final List<String> ALL = List.of(TICKETS_RECEIVED, TICKETS_LIFECYCLE, TICKETS_PRIORITY,
            TICKETS_NOTIFICATIONS, SLA_EVENTS, SLA_BREACHES, SLA_SCHEDULES, SURVEYS_REQUESTED, SURVEYS_RESPONSES);

    private Topics() {
    }

    /** Where records of {@code topic} go that a consumer cannot read. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}

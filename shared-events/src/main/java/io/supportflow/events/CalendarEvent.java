package io.supportflow.events;

/**
 * Events about schedules and rotations rather than a ticket, written by sla-service on {@code sla.schedules};
 * keyed by what they change, so the versions of one schedule keep their order.
 */
public sealed interface CalendarEvent extends SupportEvent permits ScheduleChanged, RotationChanged {

    /** Not about a ticket. */
    @Override
    default String ticketId() {
        return null;
    }
}

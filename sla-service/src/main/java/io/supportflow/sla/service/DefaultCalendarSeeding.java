package io.supportflow.sla.service;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stores the shipped schedule and rotation as version 1 of {@code default} at the first start, published like any
 * change; later starts, and instances starting together, find them stored and leave them alone.
 */
@ApplicationScoped
public class DefaultCalendarSeeding {

    private static final Logger LOG = Logger.getLogger(DefaultCalendarSeeding.class);

    private final CalendarDefaults defaults;
    private final ScheduleService schedules;
    private final RotationService rotations;

    DefaultCalendarSeeding(CalendarDefaults defaults, ScheduleService schedules, RotationService rotations) {
        this.defaults = defaults;
        this.schedules = schedules;
        this.rotations = rotations;
    }

    void seed(@Observes StartupEvent start) {
        schedules.createIfAbsent(CalendarDefaults.DEFAULT, defaults.schedule(), CalendarDefaults.CHANGED_BY)
                .ifPresent(stored -> LOG.infof("Stored the default schedule (%s, %d holidays)", stored.zone(),
                        stored.holidays().size()));
        defaults.rotation().flatMap(rotation ->
                        rotations.createIfAbsent(CalendarDefaults.DEFAULT, rotation, CalendarDefaults.CHANGED_BY))
                .ifPresent(stored -> LOG.infof("Stored the default rotation (%d members)", stored.members().size()));
    }
}

package io.supportflow.sla.service;

import java.time.Duration;

/** The broker did not give back a period's recorded events in time (it is away, or the period is vast). */
public class RecordedEventsUnavailableException extends RuntimeException {

    public RecordedEventsUnavailableException(Duration patience) {
        super("The recorded events could not be read back within " + patience.toSeconds() + " s");
    }
}

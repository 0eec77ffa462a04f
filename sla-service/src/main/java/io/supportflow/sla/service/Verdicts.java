package io.supportflow.sla.service;

import java.time.Instant;
import java.util.List;

import io.supportflow.runtime.messaging.Publication;

/** What one of a ticket's clocks owes now, and when it must be looked at again (null: only a new event can tell). */
record Verdicts(List<Publication> publications, Instant alarmAt) {

    static final Verdicts NONE = new Verdicts(List.of(), null);

    Verdicts {
        publications = List.copyOf(publications);
    }

    static Instant earliest(Instant... instants) {
        Instant earliest = null;
        for (Instant instant : instants) {
            if (instant != null && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }
}

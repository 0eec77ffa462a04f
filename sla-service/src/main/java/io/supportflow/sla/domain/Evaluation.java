package io.supportflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a clock says at an instant: its target and due time, the events now owed, and when to look again.
 *
 * @param newWarnings the warnings now due, each with the instant its fraction was reached
 * @param alarmAt     when the scanner must look again; null when nothing more can happen without a new event
 */
public record Evaluation(Duration target, Instant dueAt, List<Warning> newWarnings, boolean breach, boolean retract,
                         boolean met, Instant alarmAt) {

    public static final Evaluation NOT_STARTED = new Evaluation(null, null, List.of(), false, false, false, null);

    /** The {@code index}-th warning fraction was reached at {@code at}. */
    public record Warning(int index, Instant at) {
    }
}

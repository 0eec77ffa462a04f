package io.supportflow.events;

/** Opening hours within one day, in the schedule's local time: {@code from} before {@code to}, "24:00" ends the day. */
public record OpeningInterval(String from, String to) {
}

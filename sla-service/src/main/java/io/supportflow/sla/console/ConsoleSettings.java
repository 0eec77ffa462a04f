package io.supportflow.sla.console;

/** Settings the console page reads once: where ticket timelines live. */
public record ConsoleSettings(String ticketTimelineBaseUrl) {
}

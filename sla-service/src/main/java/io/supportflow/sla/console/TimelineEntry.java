package io.supportflow.sla.console;

import java.time.Instant;

/** One line of a ticket's timeline: when (event time), what kind of thing, and a short readable text. */
public record TimelineEntry(Instant at, TimelineKind kind, String summary) {
}

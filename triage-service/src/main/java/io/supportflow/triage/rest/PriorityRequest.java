package io.supportflow.triage.rest;

import io.supportflow.events.Priority;

/** An agent's decision: {@code {"priority":"P2","reason":"..."}}. */
public record PriorityRequest(Priority priority, String reason) {
}

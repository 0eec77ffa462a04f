package io.supportflow.triage.domain.text;

import io.supportflow.events.Priority;

/** A ticket's text with the priority an agent gave it: one line of the corpus. */
public record LabelledText(String id, String language, String channel, String text, Priority priority) {
}

package io.supportflow.triage.domain;

import java.util.List;

import io.supportflow.events.Priority;

/**
 * Words that point to one kind of ticket. Among several matching groups the highest
 * {@code precedence} names the kind; {@code priority} is what that kind means in the definitions.
 */
public record KeywordGroup(String name, Priority priority, int precedence, List<String> english, List<String> german) {

    public KeywordGroup {
        english = List.copyOf(english);
        german = List.copyOf(german);
    }
}

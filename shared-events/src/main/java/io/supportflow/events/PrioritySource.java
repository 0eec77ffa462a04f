package io.supportflow.events;

/** Who decided a priority: the triage rules or an agent. */
public enum PrioritySource {
    RULES, AGENT
}

package io.supportflow.events;

/** What starts an escalation level's wait. */
public enum EscalationTrigger {
    RESPONSE_WARNING,
    RESPONSE_BREACH,
    HANDLING_WARNING,
    HANDLING_BREACH
}

package io.supportflow.sla.domain;

/** An outcome a clock announces at most once: each is one event, its id derived from the ticket and the outcome. */
public enum Verdict {
    BREACHED,
    BREACH_RETRACTED,
    MET
}

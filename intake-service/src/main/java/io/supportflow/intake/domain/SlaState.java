package io.supportflow.intake.domain;

/**
 * Where a ticket's response target stands. Declared from weakest to strongest: a state only
 * replaces a weaker one, so the outcome does not depend on the order events arrive in
 * (a breach retracted because the answer was in time ends as MET, whichever came first).
 */
public enum SlaState {
    RUNNING, WARNING, BREACHED, MET;

    public SlaState strongest(SlaState other) {
        if (other == null) {
            return this;
        }
        return compareTo(other) >= 0 ? this : other;
    }
}

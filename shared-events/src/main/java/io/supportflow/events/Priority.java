package io.supportflow.events;

/** Ticket priority from the vendor's support definitions, P1 the most urgent. */
public enum Priority {
    P1, P2, P3, P4;

    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}

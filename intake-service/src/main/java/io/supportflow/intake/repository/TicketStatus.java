package io.supportflow.intake.repository;

/** Where a ticket stands in its lifecycle. */
public enum TicketStatus {
    OPEN, RESOLVED
}

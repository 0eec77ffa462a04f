package io.supportflow.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TriageEvent;
import io.supportflow.events.TriageReviewRequested;

/**
 * A ticket's priority as notification knows it: the latest decision (the rules', a review's provisional
 * one, or an agent's), when it was made, and the priority the customer was told ({@code told}, null
 * until the "ticket logged" message is requested). Decisions are ordered by the time they were made, so a
 * redelivered older decision cannot undo a newer one, whatever id it arrives with.
 */
public record PriorityState(Priority priority, Instant decidedAt, boolean provisional, Priority told) {

    public static final PriorityState UNDECIDED = new PriorityState(null, null, false, null);

    private static final DateTimeFormatter OCCASION_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The state once {@code event} is known. The rules and a review request decide only a ticket nothing
     * decided yet (they come first; a second one is a redelivery); an agent decides over them, unless the
     * decision is not newer than the one already known.
     */
    public PriorityState decided(TriageEvent event) {
        if (event instanceof TriageReviewRequested review) {
            return isDecided() ? this : decide(review.provisionalPriority(), review.at(), true);
        }
        PriorityAssigned assigned = (PriorityAssigned) event;
        if (isDecided() && (assigned.source() != PrioritySource.AGENT
                || !inStoredPrecision(assigned.assignedAt()).isAfter(decidedAt))) {
            return this;
        }
        return decide(assigned.priority(), assigned.assignedAt(), false);
    }

    public boolean isDecided() {
        return priority != null;
    }

    /** Whether the "ticket logged" message, which told the customer a priority, has been requested. */
    public boolean isTold() {
        return told != null;
    }

    /** An agent decided a priority other than the one the customer was told. */
    public boolean hasUntoldChange() {
        return isTold() && priority != told;
    }

    /** The customer is being told the current priority. */
    public PriorityState toldNow() {
        return new PriorityState(priority, decidedAt, provisional, priority);
    }

    /**
     * Names the current decision (priority and when it was made) for its message: the same decision,
     * delivered again, names the same message, while a later change names a new one. Fits a Message-ID.
     */
    public String occasion() {
        return priority + "-" + OCCASION_TIME.format(decidedAt);
    }

    private PriorityState decide(Priority decided, Instant at, boolean isProvisional) {
        return new PriorityState(decided, inStoredPrecision(at), isProvisional, told);
    }

    /** PostgreSQL keeps microseconds: a decision read back compares equal to the same decision redelivered. */
    private static Instant inStoredPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

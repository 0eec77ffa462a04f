package io.supportflow.intake.service;

import java.time.Instant;

import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEvent;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.intake.domain.SlaState;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.intake.repository.TicketViewEntity;

/**
 * Folds one event into a ticket's view. Every rule is order-independent: values carry the
 * event time that set them and only a newer event replaces them, so replaying the topics in
 * any interleaving yields the same view.
 */
final class TicketViewProjection {

    private TicketViewProjection() {
    }

    static void apply(TicketViewEntity view, SupportEvent event, Instant eventTime) {
        if (view.lastEventAt == null || eventTime.isAfter(view.lastEventAt)) {
            view.lastEventAt = eventTime;
        }
        if (event instanceof TicketReceived received) {
            received(view, received);
        } else if (event instanceof TicketResolved resolved) {
            status(view, TicketStatus.RESOLVED, resolved.at());
        } else if (event instanceof TicketReopened reopened) {
            status(view, TicketStatus.OPEN, reopened.at());
        } else if (event instanceof TicketAcknowledged acknowledged) {
            acknowledged(view, acknowledged);
        } else if (event instanceof PriorityAssigned assigned) {
            priority(view, assigned);
        } else if (event instanceof TriageReviewRequested review) {
            review(view, review);
        } else if (event instanceof SlaEvent sla) {
            sla(view, sla);
        }
    }

    private static void received(TicketViewEntity view, TicketReceived received) {
        view.reference = received.reference();
        view.channel = received.channel();
        view.plan = received.plan();
        view.claimedPlan = received.claimedPlan() == null ? null : received.claimedPlan().name();
        view.subject = received.subject();
        view.customerLocale = received.customer().locale();
        view.receivedAt = received.receivedAt();
        view.submittedAt = received.submittedAt();
        if (view.statusAt == null) {
            view.status = TicketStatus.OPEN;
        }
        view.slaState = SlaState.RUNNING.strongest(view.slaState);
    }

    private static void status(TicketViewEntity view, TicketStatus status, Instant at) {
        // statusAt is set by lifecycle events only: the receipt's OPEN is a default they always replace.
        // Ties go to the later record; lifecycle events share one partition, so that order is stable.
        if (view.statusAt == null || !at.isBefore(view.statusAt)) {
            view.status = status;
            view.statusAt = at;
        }
    }

    /**
     * The earliest acknowledgement is the take-up (a tie keeps the one applied first: intake writes them under
     * the ticket's lock, so they share one partition and its order); the newest one naming an assignee names it.
     */
    private static void acknowledged(TicketViewEntity view, TicketAcknowledged acknowledged) {
        if (view.acknowledgedAt == null || acknowledged.at().isBefore(view.acknowledgedAt)) {
            view.acknowledgedAt = acknowledged.at();
            view.acknowledgedBy = acknowledged.by();
        }
        if (acknowledged.assignee() != null
                && (view.assigneeAt == null || !acknowledged.at().isBefore(view.assigneeAt))) {
            view.assignee = acknowledged.assignee();
            view.assigneeAt = acknowledged.at();
        }
    }

    /**
     * The newest word on the priority holds. A decision at the same instant as a review request settles it
     * (whichever arrives first), and of two decisions or two requests at one instant the later record wins.
     */
    private static void priority(TicketViewEntity view, PriorityAssigned assigned) {
        if (view.priorityAt == null || !assigned.assignedAt().isBefore(view.priorityAt)) {
            view.priority = assigned.priority();
            view.priorityAt = assigned.assignedAt();
            view.priorityProvisional = false;
        }
    }

    /** A review request makes the priority provisional, since its time, until a decision after it. */
    private static void review(TicketViewEntity view, TriageReviewRequested review) {
        boolean newer = view.priorityAt == null || review.at().isAfter(view.priorityAt)
                || view.priorityProvisional && review.at().equals(view.priorityAt);
        if (newer) {
            view.priority = review.provisionalPriority();
            view.priorityAt = review.at();
            view.priorityProvisional = true;
        }
    }

    private static void sla(TicketViewEntity view, SlaEvent event) {
        SlaState reached;
        if (event instanceof SlaBreached breached) {
            reached = SlaState.BREACHED;
            view.slaDueAt = breached.dueAt();
        } else if (event instanceof SlaWarning warning) {
            reached = SlaState.WARNING;
            view.slaDueAt = warning.dueAt();
        } else if (event instanceof SlaMet met) {
            reached = SlaState.MET;
            view.slaDueAt = met.dueAt();
        } else if (event instanceof SlaBreachRetracted retracted) {
            reached = SlaState.MET;
            view.slaDueAt = retracted.dueAt();
        } else {
            return;
        }
        view.slaState = reached.strongest(view.slaState);
    }
}

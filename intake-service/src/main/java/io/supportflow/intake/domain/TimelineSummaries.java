package io.supportflow.intake.domain;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingEvent;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.Recipient;
import io.supportflow.events.RecipientKind;
import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.TriageReviewRequested;

/**
 * One line per event for a ticket's timeline. Deliberately leaves out secrets (a survey's
 * link carries its token) and the customer's free text beyond what agents need.
 */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    public static String describe(SupportEvent event) {
        if (event instanceof TicketReceived e) {
            return "Received via " + e.channel() + " (" + e.plan() + " plan)"
                    + optional(", impact ", e.impact()) + optional(", workaround ", e.workaround())
                    + optional(", customer's contact at ", e.submittedAt());
        }
        if (event instanceof TicketResolved e) {
            return "Resolved by " + e.by() + optional(": ", e.note());
        }
        if (event instanceof TicketReopened e) {
            return "Reopened by " + e.by() + optional(": ", e.note());
        }
        if (event instanceof TicketAcknowledged e) {
            return "Acknowledged by " + e.by() + optional(", assigned to ", e.assignee());
        }
        if (event instanceof PriorityAssigned e) {
            String by = e.source() == PrioritySource.AGENT ? "agent " + e.agentId() : "rule " + e.rule();
            return "Priority " + e.priority() + " by " + by + optional(", was ", e.previous()) + optional(": ", e.reason());
        }
        if (event instanceof TriageReviewRequested e) {
            return review(e);
        }
        if (event instanceof HandlingEvent e) {
            return handling(e);
        }
        if (event instanceof SlaEscalated e) {
            return "Escalated, level " + e.level() + " (" + words(e.trigger()) + ")" + recipients(", to ", e.recipients());
        }
        return describeOutcome(event);
    }

    /** The handling clock: from when the ticket is to be taken up, under which mode, and how that went. */
    private static String handling(HandlingEvent event) {
        String target = "Handling target " + event.target() + " (" + event.priority();
        if (event instanceof HandlingScheduled e) {
            return target + ", " + mode(e.mode()) + optional(", schedule ", e.scheduleId()) + ") from "
                    + e.handleFrom() + ", due " + e.dueAt() + recipients("; paged ", e.paged());
        }
        if (event instanceof HandlingWarning e) {
            return target + ") nearly used up, due " + e.dueAt();
        }
        if (event instanceof HandlingMet e) {
            return target + ") met: taken up at " + e.takenUpAt() + ", due " + e.dueAt();
        }
        if (event instanceof HandlingBreached e) {
            return target + ") breached: nobody took the ticket up by " + e.dueAt();
        }
        if (event instanceof HandlingBreachRetracted e) {
            return "Handling breach retracted: the ticket was taken up in time, due " + e.dueAt();
        }
        return event.getClass().getSimpleName();
    }

    private static String mode(HandlingMode mode) {
        if (mode == null) {
            return "mode unknown";
        }
        return switch (mode) {
            case ROUND_THE_CLOCK -> "around the clock";
            case BUSINESS_HOURS_EXTENDED -> "business hours plus extended cover";
            case BUSINESS_HOURS -> "business hours";
        };
    }

    /** Email addresses as they are; a webhook by its configured name (its URL and secret are not in events). */
    private static String recipients(String prefix, List<Recipient> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return "";
        }
        return prefix + recipients.stream()
                .map(r -> r.kind() == RecipientKind.WEBHOOK ? "webhook " + r.address() : r.address())
                .collect(Collectors.joining(", "));
    }

    /** RESPONSE_BREACH reads "response breach". */
    private static String words(Enum<?> value) {
        return value == null ? "cause unknown" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Agents read that the priority is not settled yet, and which one the response clock runs on meanwhile. */
    private static String review(TriageReviewRequested e) {
        // clockRunsOn() compares with the provisional priority, which a malformed record may lack.
        Priority clockPriority = e.provisionalPriority() == null ? e.clockPriority() : e.clockRunsOn();
        String clock = clockPriority == null || clockPriority == e.provisionalPriority() ? ""
                : "; the response clock runs on " + clockPriority + " meanwhile";
        String reason = isBlank(e.reason()) ? "" : " (" + e.reason() + ")";
        return "Triage review requested" + reason + ": provisional " + e.provisionalPriority()
                + " until an agent confirms it" + clock;
    }

    private static String describeOutcome(SupportEvent event) {
        if (event instanceof CustomerNotified e) {
            return e.kind() + " message sent to " + e.to();
        }
        if (event instanceof NotificationFailed e) {
            return e.kind() + " message to " + e.to() + " failed after " + e.attempts() + " attempts"
                    + optional(": ", e.lastError());
        }
        if (event instanceof SlaWarning e) {
            return "Response target " + e.target() + " (" + e.priority() + ") nearly used up, due " + e.dueAt();
        }
        if (event instanceof SlaMet e) {
            return "Response target " + e.target() + " (" + e.priority() + ") met, due " + e.dueAt();
        }
        if (event instanceof SlaBreached e) {
            return "Response target " + e.target() + " (" + e.priority() + ") breached, due " + e.dueAt();
        }
        if (event instanceof SlaBreachRetracted e) {
            return "Breach retracted: the response was in time, due " + e.dueAt();
        }
        if (event instanceof SurveyRequested e) {
            return "Satisfaction survey sent, open until " + e.expiresAt();
        }
        if (event instanceof SurveyCompleted e) {
            return "Customer rated " + e.rating() + "/5" + optional(": ", e.comment());
        }
        return event.getClass().getSimpleName();
    }

    private static String optional(String prefix, Object value) {
        return isBlank(value) ? "" : prefix + value;
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}

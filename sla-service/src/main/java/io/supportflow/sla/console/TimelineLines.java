package io.supportflow.sla.console;

import java.time.Instant;
import java.util.Optional;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;

/**
 * The line the console's ticket page shows for an event of tickets.lifecycle or tickets.notifications. It names
 * who acted and where a message went, which ops need; an agent's note and a failure's full text stay out (the
 * failure's first line is kept, shortened: it says why a message did not arrive). Every value is made one line
 * of plain text, and the whole at most {@link #MAX_LENGTH} characters.
 */
public final class TimelineLines {

    static final int MAX_LENGTH = 300;
    private static final int MAX_ERROR = 120;

    private TimelineLines() {
    }

    /** The line for {@code event}, or empty when the console shows nothing of it. */
    public static Optional<TimelineEntry> of(SupportEvent event) {
        if (event instanceof TicketAcknowledged acknowledged) {
            String assignee = acknowledged.assignee() == null || acknowledged.assignee().equals(acknowledged.by())
                    ? "" : ", assigned to " + acknowledged.assignee();
            return entry(acknowledged.at(), TimelineKind.ACKNOWLEDGED,
                    "Acknowledged by " + who(acknowledged.by()) + assignee);
        }
        if (event instanceof TicketResolved resolved) {
            return entry(resolved.at(), TimelineKind.RESOLVED, "Resolved by " + who(resolved.by()));
        }
        if (event instanceof TicketReopened reopened) {
            return entry(reopened.at(), TimelineKind.REOPENED, "Reopened by " + who(reopened.by()));
        }
        if (event instanceof CustomerNotified sent) {
            return entry(sent.sentAt(), TimelineKind.NOTIFIED, label(sent.kind()) + " sent to " + sent.to());
        }
        if (event instanceof NotificationFailed failed) {
            return entry(failed.at(), TimelineKind.NOTIFICATION_FAILED, label(failed.kind()) + " to " + failed.to()
                    + " given up after " + failed.attempts() + (failed.attempts() == 1 ? " attempt" : " attempts")
                    + (failed.lastError() == null ? "" : ": " + shortened(firstLine(failed.lastError()), MAX_ERROR)));
        }
        return Optional.empty();
    }

    private static String who(String by) {
        return by == null || by.isBlank() ? "an unnamed agent" : by;
    }

    static String label(NotificationKind kind) {
        if (kind == null) {
            return "A message";
        }
        return switch (kind) {
            case TICKET_LOGGED -> "\"Ticket logged\" message";
            case PRIORITY_CHANGED -> "\"Priority changed\" message";
            case SURVEY -> "Survey invitation";
            case SLA_BREACH_ALERT -> "SLA breach alert";
            case ON_CALL_PAGE -> "On-call page";
            case ESCALATION -> "Escalation message";
        };
    }

    private static Optional<TimelineEntry> entry(Instant at, TimelineKind kind, String summary) {
        return at == null ? Optional.empty() : Optional.of(new TimelineEntry(at, kind, line(summary)));
    }

    /** {@code text} as one line of plain text of at most {@link #MAX_LENGTH} characters. */
    static String line(String text) {
        return shortened(text.replaceAll("\\p{Cc}+", " ").strip(), MAX_LENGTH);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** At most {@code max} characters, cut between code points, with an ellipsis where it was cut. */
    private static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

package io.supportflow.events;

import java.time.Instant;
import java.util.List;

/**
 * One level of a ticket's escalation ladder fired: its trigger happened, nobody took the ticket up within the
 * level's wait, and (except for P1) the recipients' schedule was open.
 *
 * @param at when the level fired, in event time
 */
public record SlaEscalated(String ticketId, String reference, Plan plan, Priority priority, int level,
        EscalationTrigger trigger, List<Recipient> recipients, Instant at, Integer policyVersion)
        implements SupportEvent {

    public SlaEscalated {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A verdict written before verdicts named the policy version they were reached under. */
    public SlaEscalated(String ticketId, String reference, Plan plan, Priority priority, int level,
            EscalationTrigger trigger, List<Recipient> recipients, Instant at) {
        this(ticketId, reference, plan, priority, level, trigger, recipients, at, null);
    }
}

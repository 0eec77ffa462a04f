package io.supportflow.sla.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.events.RecipientKind;

/**
 * An escalation level that fired for a ticket, in the shape of the {@code SlaEscalated} event the live feed carries
 * ({@code firedAt} is its {@code at}): {@code level} is its place on the ticket's ladder, from 1. {@code reference},
 * {@code plan} and {@code priority} come from the ticket's clock (null if that is gone).
 */
public record EscalationView(String ticketId, String reference, Plan plan, Priority priority, int level,
                             EscalationTrigger trigger, List<Recipient> recipients, Instant firedAt) {

    /**
     * The recipients as {@code sla_escalation.recipients} keeps them ({@code kind:address}, separated by ", "); an
     * entry of no known kind is left out rather than failing the whole list.
     */
    static List<Recipient> recipients(String stored) {
        List<Recipient> recipients = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return recipients;
        }
        for (String entry : stored.split(", ")) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                continue;
            }
            String kind = entry.substring(0, colon).toUpperCase(Locale.ROOT);
            for (RecipientKind known : RecipientKind.values()) {
                if (known.name().equals(kind)) {
                    recipients.add(new Recipient(known, entry.substring(colon + 1)));
                }
            }
        }
        return recipients;
    }
}

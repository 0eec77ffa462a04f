package io.supportflow.intake.rest;

import io.supportflow.intake.domain.TicketRequest;
import io.supportflow.runtime.text.Line;
import jakarta.validation.constraints.Pattern;

/**
 * An agent's optional assignee when taking a ticket up: one line, like a name. Blank is refused rather than
 * taken for "nobody": leave the field out to acknowledge without naming one.
 */
public record AcknowledgeRequest(
        @Line(max = TicketRequest.MAX_SHORT_TEXT) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String assignee) {
}

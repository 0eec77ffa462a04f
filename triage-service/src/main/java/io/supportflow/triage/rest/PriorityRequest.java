package io.supportflow.triage.rest;

import io.supportflow.events.Priority;
import io.supportflow.runtime.text.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An agent's decision: {@code {"priority":"P2","reason":"..."}}. */
public record PriorityRequest(
        @NotNull(message = "must be one of P1, P2, P3, P4") Priority priority,
        @NotBlank(message = "must say why the ticket gets this priority") @Text(maxBytes = REASON_BYTES) String reason) {

    static final int REASON_BYTES = 4000;
}

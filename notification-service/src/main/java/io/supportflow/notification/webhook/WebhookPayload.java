package io.supportflow.notification.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventJson;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaEscalated;

/**
 * The JSON body a webhook receives (README, "Webhooks"): {@code id} is the notification's id, also sent as
 * {@code X-SupportFlow-Id}, so a receiver drops a delivery it already has; fields a type does not have are left
 * out; instants are ISO-8601 UTC.
 *
 * @param type {@code on-call-page} or {@code escalation}
 * @param at   when the ticket was scheduled (page) or the level fired (escalation), in event time
 */
@JsonPropertyOrder({"id", "type", "ticketId", "reference", "plan", "priority", "level", "trigger", "handleFrom",
        "dueAt", "at"})
public record WebhookPayload(String id, String type, String ticketId, String reference, Plan plan, Priority priority,
                             Integer level, EscalationTrigger trigger, Instant handleFrom, Instant dueAt, Instant at) {

    public static final String ON_CALL_PAGE = "on-call-page";
    public static final String ESCALATION = "escalation";

    // The events' mapping: ISO instants, absent fields omitted.
    private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper());

    public static WebhookPayload page(String id, HandlingScheduled page) {
        return new WebhookPayload(id, ON_CALL_PAGE, page.ticketId(), page.reference(), page.plan(), page.priority(),
                null, null, page.handleFrom(), page.dueAt(), page.at());
    }

    public static WebhookPayload escalation(String id, SlaEscalated escalated) {
        return new WebhookPayload(id, ESCALATION, escalated.ticketId(), escalated.reference(), escalated.plan(),
                escalated.priority(), escalated.level(), escalated.trigger(), null, null, escalated.at());
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the webhook body of " + id, e);
        }
    }
}

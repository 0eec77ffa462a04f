package io.supportflow.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;

/** The body as the README documents it: field order, ISO instants, fields a type has not left out. */
class WebhookPayloadTest {

    private static final Instant AT = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void aPageCarriesWhenToHandleAndNoLevel() {
        HandlingScheduled page = new HandlingScheduled("t-1", "SF-1", Plan.ENTERPRISE, Priority.P1,
                HandlingMode.ROUND_THE_CLOCK, "berlin", AT, Duration.ofMinutes(30), AT.plus(Duration.ofMinutes(30)),
                List.of(Recipient.webhook("pager")), AT);

        assertThat(WebhookPayload.page("n-1", page).json()).isEqualTo("{\"id\":\"n-1\",\"type\":\"on-call-page\","
                + "\"ticketId\":\"t-1\",\"reference\":\"SF-1\",\"plan\":\"ENTERPRISE\",\"priority\":\"P1\","
                + "\"handleFrom\":\"2026-12-04T02:00:00Z\",\"dueAt\":\"2026-12-04T02:30:00Z\","
                + "\"at\":\"2026-12-04T02:00:00Z\"}");
    }

    @Test
    void anEscalationCarriesItsLevelAndTriggerAndNoSchedule() {
        SlaEscalated escalated = new SlaEscalated("t-1", "SF-1", Plan.PRO, Priority.P2, 2,
                EscalationTrigger.HANDLING_BREACH, List.of(Recipient.webhook("pager")), AT);

        assertThat(WebhookPayload.escalation("n-2", escalated).json())
                .isEqualTo("{\"id\":\"n-2\",\"type\":\"escalation\","
                + "\"ticketId\":\"t-1\",\"reference\":\"SF-1\",\"plan\":\"PRO\",\"priority\":\"P2\",\"level\":2,"
                + "\"trigger\":\"HANDLING_BREACH\",\"at\":\"2026-12-04T02:00:00Z\"}");
    }
}

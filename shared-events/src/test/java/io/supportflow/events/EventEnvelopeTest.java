package io.supportflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void headersCarryTheCloudEventsAttributesInBinaryMode() {
        TicketResolved resolved = new TicketResolved("t-9", SampleEvents.T0, "agent", "ok");
        EventEnvelope envelope = EventEnvelope.of("id-1", "/supportflow/intake-service", SampleEvents.T0, resolved);

        assertThat(envelope.headers())
                .containsEntry("ce_id", "id-1")
                .containsEntry("ce_type", "supportflow.ticket.resolved.v1")
                .containsEntry("ce_source", "/supportflow/intake-service")
                .containsEntry("ce_time", "2026-03-02T09:15:30.123Z")
                .containsEntry("ce_subject", "t-9")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json");
        assertThat(envelope.topic()).isEqualTo(Topics.TICKETS_LIFECYCLE);
        assertThat(envelope.key()).isEqualTo("t-9");
    }

    @Test
    void aRecordIsReadBackFromItsHeadersAndValue() {
        for (SupportEvent event : SampleEvents.all()) {
            EventEnvelope sent = EventEnvelope.of("id-" + EventType.of(event), "/test", SampleEvents.T0, event);
            EventEnvelope received = EventEnvelope.read(sent.headers(), sent.payload());
            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void anUnknownCloudEventsTypeIsUnreadable() {
        Map<String, String> headers = validHeaders();
        headers.put("ce_type", "supportflow.ticket.teleported.v1");
        assertThatThrownBy(() -> EventEnvelope.read(headers, "{\"ticketId\":\"t\"}"))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("teleported");
    }

    @Test
    void aRecordWithoutAnIdIsUnreadable() {
        Map<String, String> headers = validHeaders();
        headers.remove("ce_id");
        assertThatThrownBy(() -> EventEnvelope.read(headers, "{\"ticketId\":\"t\"}"))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void aRecordWhoseTimeIsNoInstantIsUnreadable() {
        Map<String, String> headers = validHeaders();
        headers.put("ce_time", "yesterday");
        assertThatThrownBy(() -> EventEnvelope.read(headers, EventJson.write(new TicketResolved("t", SampleEvents.T0,
                "agent", null))))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("ce_time");
    }

    private static Map<String, String> validHeaders() {
        TicketResolved resolved = new TicketResolved("t", SampleEvents.T0, "agent", null);
        return new HashMap<>(EventEnvelope.of("id", "/test", SampleEvents.T0, resolved).headers());
    }
}

package io.supportflow.events;

import java.time.Instant;
import java.util.Map;

/**
 * An event with its CloudEvents attributes, as it travels on a topic: the key is the
 * event's key (its ticketId, or the schedule a calendar event changes), the value the event's JSON, the attributes go into headers.
 *
 * @param id     deterministic, derived from the event's cause (see {@link DeterministicIds})
 * @param source the writing service, e.g. {@code /supportflow/intake-service}
 * @param time   when the event happened (event time, not publishing time)
 */
public record EventEnvelope(String id, EventType type, String source, Instant time, SupportEvent event) {

    public static EventEnvelope of(String id, String source, Instant time, SupportEvent event) {
        return new EventEnvelope(id, EventType.of(event), source, time, event);
    }

    public String topic() {
        return type.topic();
    }

    public String key() {
        return event.key();
    }

    public String payload() {
        return EventJson.write(event);
    }

    public Map<String, String> headers() {
        return CloudEventHeaders.of(id, type.ceType(), source, time, event.key());
    }

    /**
     * Reads a record from its headers and JSON value.
     *
     * @throws UnreadableEventException when the type is unknown, an attribute is missing or the JSON does not fit
     */
    public static EventEnvelope read(Map<String, String> headers, String payload) {
        String ceType = require(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new UnreadableEventException("Unknown CloudEvents type " + ceType));
        String id = require(headers, CloudEventHeaders.ID);
        Instant time = parseTime(require(headers, CloudEventHeaders.TIME));
        if (payload == null) {
            throw new UnreadableEventException("Record " + id + " has no value");
        }
        SupportEvent event = EventJson.read(payload, type.recordClass());
        return new EventEnvelope(id, type, headers.getOrDefault(CloudEventHeaders.SOURCE, "unknown"), time, event);
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("Header " + name + " is missing");
        }
        return value;
    }

    private static Instant parseTime(String value) {
        try {
            return EventInstants.parse(value);
        } catch (java.time.DateTimeException e) {
            throw new UnreadableEventException("Header ce_time is not an instant: " + value, e);
        }
    }
}

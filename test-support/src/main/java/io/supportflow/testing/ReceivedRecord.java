package io.supportflow.testing;

import java.util.Map;

import io.supportflow.events.EventEnvelope;

/** A record as a plain Kafka consumer saw it: topic, key, value and headers. */
public record ReceivedRecord(String topic, String key, String value, Map<String, String> headers) {

    public String header(String name) {
        return headers.get(name);
    }

    public EventEnvelope envelope() {
        return EventEnvelope.read(headers, value);
    }
}

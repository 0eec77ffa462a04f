package io.supportflow.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.UnreadableEventException;

/** Turns a consumed Kafka record into an event; anything unreadable fails loudly (and goes to the DLQ). */
public final class IncomingRecords {

    private IncomingRecords() {
    }

    public static EventEnvelope read(ConsumerRecord<String, String> record) {
        return read(record.key(), record.value(), record.headers());
    }

    /** One record of a batch consumed with {@code batch=true}. */
    public static EventEnvelope read(KafkaRecord<String, String> record) {
        return read(record.getKey(), record.getPayload(), record.getHeaders());
    }

    private static EventEnvelope read(String key, String value, Headers recordHeaders) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : recordHeaders) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        EventEnvelope envelope = EventEnvelope.read(headers, value);
        if (key != null && !key.equals(envelope.key())) {
            throw new UnreadableEventException("Record key " + key + " is not the event's ticket " + envelope.key());
        }
        return envelope;
    }
}

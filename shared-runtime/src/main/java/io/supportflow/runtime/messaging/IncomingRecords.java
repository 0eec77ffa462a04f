package io.supportflow.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.UnreadableEventException;

/** Turns a consumed Kafka record into an event; anything unreadable fails loudly (and goes to the DLQ). */
public final class IncomingRecords {

    private IncomingRecords() {
    }

    public static EventEnvelope read(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        EventEnvelope envelope = EventEnvelope.read(headers, record.value());
        if (record.key() != null && !record.key().equals(envelope.key())) {
            throw new UnreadableEventException("Record key " + record.key() + " is not the event's ticket "
                    + envelope.key());
        }
        return envelope;
    }
}

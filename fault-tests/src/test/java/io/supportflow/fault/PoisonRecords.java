package io.supportflow.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;
import io.supportflow.testing.TopicWriter;

/** Records no consumer can use, of the four kinds a broken or hostile producer would send. */
final class PoisonRecords {

    /**
     * The event topics some service consumes: a poison record on one nobody reads (accounts, written by intake for
     * the services that will read it; the submission results, read by adapters) has nobody to set it aside. The
     * Kafka entrance's topics are left to intake's own test: a submission that is JSON of the wrong shape is
     * answered there, not set aside.
     */
    static final List<String> CONSUMED = Topics.ALL.stream()
            .filter(topic -> !topic.equals(Topics.ACCOUNTS) && !topic.equals(AdapterSubmissions.RESULTS))
            .filter(topic -> !AdapterSubmissions.TOPICS.contains(topic))
            .toList();

    private PoisonRecords() {
    }

    /** Sends each kind to every topic and returns the records' keys. */
    static List<String> sendToEveryTopic(String bootstrapServers) {
        List<String> keys = new ArrayList<>();
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            for (String topic : CONSUMED) {
                String ceType = typeOn(topic).ceType();
                keys.add(send(writer, topic, "not-json", ceType, "this is not JSON {"));
                keys.add(send(writer, topic, "wrong-types", ceType, "{\"ticketId\": {\"nested\": true}, \"at\": [1, 2]}"));
                keys.add(send(writer, topic, "missing-fields", ceType, "{}"));
                keys.add(send(writer, topic, "unknown-type", "supportflow.unknown.v1", "{\"ticketId\": \"x\"}"));
            }
        }
        return keys;
    }

    private static String send(TopicWriter writer, String topic, String kind, String ceType, String value) {
        String key = "poison-" + topic + "-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        writer.send(topic, key, value, Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", ceType,
                "ce_source", "/poison", "ce_time", Instant.now().toString(), "ce_subject", key,
                "ce_specversion", "1.0", "content-type", "application/json"));
        return key;
    }

    private static EventType typeOn(String topic) {
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic)) {
                return type;
            }
        }
        throw new IllegalArgumentException("No event type on " + topic);
    }
}

package io.supportflow.intake.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.Channel;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.UnreadableEventException;

/**
 * One submission from the Kafka entrance: its CloudEvents id and source, the channel its topic stands for, the
 * adapter's external reference (the record key, the submission's idempotency key) and the JSON of a ticket request.
 */
record AdapterSubmission(String id, String source, Channel channel, String key, String json) {

    /**
     * What the answer's id derives from: a CloudEvents id is unique only within its source, and a source only within
     * the channel whose adapter may write the topic.
     */
    String answerCause() {
        return channel + "/" + source + "/" + id;
    }

    /**
     * @throws UnreadableEventException when the record is no submission: from no submission topic, without a key,
     *                                  an id or a value, or of another CloudEvents type
     */
    static AdapterSubmission of(KafkaRecord<String, String> record) {
        Channel channel = AdapterSubmissions.channelOf(record.getTopic())
                .orElseThrow(() -> new UnreadableEventException("Topic " + record.getTopic() + " takes no submissions"));
        String type = header(record, CloudEventHeaders.TYPE);
        if (!AdapterSubmissions.CE_TYPE.equals(type)) {
            throw new UnreadableEventException("A submission's " + CloudEventHeaders.TYPE + " is "
                    + AdapterSubmissions.CE_TYPE + ", not " + type);
        }
        String id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new UnreadableEventException("Header " + CloudEventHeaders.ID + " is missing");
        }
        if (record.getKey() == null || record.getKey().isBlank()) {
            throw new UnreadableEventException("Submission " + id + " has no key (the adapter's external reference)");
        }
        if (record.getPayload() == null) {
            throw new UnreadableEventException("Submission " + id + " has no value");
        }
        String source = header(record, CloudEventHeaders.SOURCE);
        return new AdapterSubmission(id, source == null ? "" : source, channel, record.getKey(), record.getPayload());
    }

    /** A header of the record as text, or null when it has none. */
    static String header(KafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

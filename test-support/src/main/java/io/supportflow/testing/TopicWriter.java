package io.supportflow.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.supportflow.events.EventEnvelope;

/** Publishes records as another service would (or as a broken one would, for poison-record tests). */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Nothing leaves before a flush, so records sent together share one request (see sendTogether).
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1024 * 1024));
        producer = new KafkaProducer<>(props);
    }

    /** A record to send: an event as its service publishes it, or anything at all. */
    public record Outgoing(String topic, String key, String value, Map<String, String> headers) {

        public static Outgoing of(EventEnvelope envelope) {
            return new Outgoing(envelope.topic(), envelope.key(), envelope.payload(), envelope.headers());
        }
    }

    public void publish(EventEnvelope envelope) {
        sendTogether(List.of(Outgoing.of(envelope)));
    }

    /** Sends any record, headers included, and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        sendTogether(List.of(new Outgoing(topic, key, value, headers)));
    }

    /**
     * Sends the records in one produce request and waits for the broker's acknowledgement. Records of one
     * partition (one key) then lie in one record batch, which a consumer receives in one poll, in this order.
     */
    public void sendTogether(List<Outgoing> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Outgoing outgoing : records) {
            ProducerRecord<String, String> record = new ProducerRecord<>(outgoing.topic(), outgoing.key(), outgoing.value());
            outgoing.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            acks.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Broker did not acknowledge records on " + records.get(0).topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

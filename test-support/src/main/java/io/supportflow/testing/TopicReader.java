package io.supportflow.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.supportflow.events.EventType;
import io.supportflow.events.SupportEvent;

/**
 * Reads topics with a plain Kafka consumer, as an ops team or analytics consumer would, from
 * the moment it is opened: every record with its headers, collected in the background.
 */
public final class TopicReader implements AutoCloseable {

    private final List<ReceivedRecord> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    private TopicReader(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::pollUntilClosed, "topic-reader");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts reading the given topics from their current end. */
    public static TopicReader fromNow(String bootstrapServers, String... topics) {
        return new TopicReader(bootstrapServers, List.of(topics));
    }

    private void pollUntilClosed() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                records.add(new ReceivedRecord(record.topic(), record.key(), record.value(), headersOf(record)));
            }
        }
        consumer.close();
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    public List<ReceivedRecord> records() {
        return List.copyOf(records);
    }

    public List<ReceivedRecord> records(Predicate<ReceivedRecord> filter) {
        return records.stream().filter(filter).collect(Collectors.toList());
    }

    /** The events of one type and ticket read so far, in topic order. */
    public <T extends SupportEvent> List<T> events(EventType type, String ticketId) {
        return records.stream()
                .filter(r -> type.ceType().equals(r.header("ce_type")) && ticketId.equals(r.key()))
                .map(r -> type.recordClass().cast(r.envelope().event()))
                .map(e -> { @SuppressWarnings("unchecked") T t = (T) e; return t; })
                .collect(Collectors.toList());
    }

    /** Waits until a record of the type arrives for the ticket and returns it. */
    public ReceivedRecord awaitRecord(EventType type, String ticketId, Duration atMost) {
        Predicate<ReceivedRecord> match = r -> type.ceType().equals(r.header("ce_type")) && ticketId.equals(r.key());
        Awaitility.await(type + " for ticket " + ticketId).atMost(atMost).until(() -> !records(match).isEmpty());
        return records(match).get(0);
    }

    public <T extends SupportEvent> T awaitEvent(EventType type, String ticketId, Duration atMost) {
        @SuppressWarnings("unchecked")
        T event = (T) awaitRecord(type, ticketId, atMost).envelope().event();
        return event;
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.supportflow.bench;

import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventJson;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows every ticket through the topics from the moment it is started: when it was received, when
 * the TICKET_LOGGED notification reached {@code tickets.notifications}, which events the SLA clock
 * published. A plain consumer with all partitions assigned, reading from the end, committing nothing.
 */
final class PipelineWatcher implements AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.TICKETS_RECEIVED, Topics.TICKETS_PRIORITY,
            Topics.TICKETS_NOTIFICATIONS, Topics.SLA_EVENTS);

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, TicketTrace> traces = new ConcurrentHashMap<>();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final AtomicLong receivedRecords = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    PipelineWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "supportflow-bench-watcher");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that nothing published after this constructor is missed.
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        thread = new Thread(this::pollUntilClosed, "bench-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    Map<String, TicketTrace> traces() {
        return traces;
    }

    /** Average size of a TicketReceived value, in bytes (the record size for the broker's ceiling). */
    int averageTicketReceivedBytes() {
        long records = receivedRecords.get();
        return records == 0 ? TicketMix.TARGET_BODY_BYTES : (int) (receivedBytes.get() / records);
    }

    private void pollUntilClosed() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    handle(record);
                } catch (RuntimeException unreadable) {
                    // Not ours to judge: the services send unreadable records to their DLQ.
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private void handle(ConsumerRecord<String, String> record) {
        String ceType = header(record, CloudEventHeaders.TYPE);
        EventType type = ceType == null ? null : EventType.fromCeType(ceType).orElse(null);
        if (type == null || record.key() == null) {
            return;
        }
        TicketTrace trace = traces.computeIfAbsent(record.key(), id -> new TicketTrace());
        trace.events.incrementAndGet();
        switch (type) {
            case TICKET_RECEIVED -> {
                trace.receivedAtMillis = EventJson.read(record.value(), TicketReceived.class).receivedAt().toEpochMilli();
                trace.receivedRecordMillis = record.timestamp();
                receivedRecords.incrementAndGet();
                receivedBytes.addAndGet(record.value().getBytes(StandardCharsets.UTF_8).length);
            }
            case CUSTOMER_NOTIFIED -> {
                CustomerNotified notified = EventJson.read(record.value(), CustomerNotified.class);
                if (notified.kind() == NotificationKind.TICKET_LOGGED && trace.loggedRecordMillis == 0) {
                    trace.loggedRecordMillis = record.timestamp();
                    trace.loggedSentAtMillis = notified.sentAt().toEpochMilli();
                }
            }
            case PRIORITY_ASSIGNED -> {
                if (trace.priorityRecordMillis == 0) {
                    trace.priorityRecordMillis = record.timestamp();
                }
            }
            case TRIAGE_REVIEW_REQUESTED -> trace.reviewRequested = true;
            case SLA_WARNING, SLA_MET, SLA_BREACH_RETRACTED -> {
                if (trace.firstSlaEvent == null) {
                    trace.firstSlaEvent = type;
                }
            }
            default -> {
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    /** What the topics said about one ticket; written by the watcher thread only. */
    static final class TicketTrace {
        final AtomicLong events = new AtomicLong();
        volatile long receivedAtMillis;
        /** When the stages published: intake's relay, triage's relay (first PriorityAssigned). */
        volatile long receivedRecordMillis;
        volatile long priorityRecordMillis;
        volatile long loggedRecordMillis;
        volatile long loggedSentAtMillis;
        volatile EventType firstSlaEvent;
        /** Triage asked an agent to decide: no TICKET_LOGGED until one does, by design. */
        volatile boolean reviewRequested;

        boolean logged() {
            return loggedRecordMillis != 0;
        }

        boolean clocked() {
            return firstSlaEvent != null;
        }

        boolean complete() {
            return reviewRequested || logged() && clocked();
        }
    }
}

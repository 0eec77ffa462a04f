package io.supportflow.bench;

import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads sla.breaches from its end on a thread of its own and hands every record to a {@link BreachTally}. */
final class BreachWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final BreachTally tally;
    private final Thread thread;
    private volatile boolean running = true;

    BreachWatcher(String bootstrapServers, BreachTally tally) {
        this.tally = tally;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.SLA_BREACHES, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        thread = new Thread(this::poll, "bench-breaches");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                long readAt = System.currentTimeMillis();
                Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                tally.add(record.key(), type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                        record.value(), record.timestamp(), readAt);
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** Stops reading; afterwards the tally is complete and safe to read from the calling thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}

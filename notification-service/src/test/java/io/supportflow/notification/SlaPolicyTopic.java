package io.supportflow.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.quarkus.arc.Arc;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.Topics;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;

/**
 * The SLA policy on {@code sla.policies}, published as sla-service would (none runs in these tests), and the version
 * the instance under test holds. The topic outlives each Quarkus start of this JVM (the broker is shared) and every
 * start reads it again from its beginning, older versions first: a test waits for the newest, not for any.
 */
final class SlaPolicyTopic {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private SlaPolicyTopic() {
    }

    /**
     * Makes the instance under test state the shipped response targets: publishes the shipped policy while the topic
     * holds none, and waits until the instance holds the topic's newest version. A test that changes a target
     * publishes the shipped policy again after it, at a higher version, so the newest is always the shipped one.
     */
    static void awaitShippedPolicy() {
        int newest = newestVersion();
        if (newest == 0) {
            publish(SlaPolicies.shipped(1));
            newest = 1;
        }
        awaitHeld(newest);
    }

    static void publish(SlaPolicyChanged policy) {
        Fixtures.publish(SlaPolicies.envelope(policy));
    }

    /** Waits until the instance under test holds {@code version}, or a newer one. */
    static void awaitHeld(int version) {
        CurrentSlaPolicy current = Arc.container().instance(CurrentSlaPolicy.class).get();
        Awaitility.await("SLA policy version " + version + " held").atMost(WAIT)
                .until(() -> current.get().map(SlaPolicyChanged::version).orElse(0) >= version);
    }

    /** The highest version on the topic, 0 while it holds none; a record that is not a policy is passed over. */
    static int newestVersion() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.broker().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA_POLICIES, WAIT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            int newest = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    newest = Math.max(newest, versionOf(record));
                }
            }
            return newest;
        }
    }

    private static int versionOf(ConsumerRecord<String, String> record) {
        try {
            return IncomingRecords.read(record).event() instanceof SlaPolicyChanged policy ? policy.version() : 0;
        } catch (UnreadableEventException notAPolicy) {
            return 0;
        }
    }
}

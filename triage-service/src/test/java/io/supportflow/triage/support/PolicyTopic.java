package io.supportflow.triage.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.Topics;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.runtime.policy.SlaPolicyListener;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SlaPolicies;
import io.supportflow.testing.TopicWriter;

/**
 * {@code sla.policies} as the triage instance under test follows it: publishes policies as sla-service would and
 * waits until the instance has taken them in. A change must carry a version above the one held, since an older
 * version never replaces a newer one; {@link #nextVersion()} gives it.
 */
public final class PolicyTopic {

    public static final Duration UNTIL_READ = Duration.ofSeconds(30);

    private final TopicWriter writer;
    private final CurrentSlaPolicy current;

    public PolicyTopic(TopicWriter writer, CurrentSlaPolicy current) {
        this.writer = writer;
        this.current = current;
    }

    /**
     * The policy the instance holds. While it holds none the shipped policy is published, at version 1 so that a
     * newer version already on the topic still wins.
     */
    public SlaPolicyChanged held() {
        if (current.get().isEmpty()) {
            writer.publish(SlaPolicies.envelope(SlaPolicies.shipped(1)));
        }
        return Awaitility.await("an SLA policy read from " + Topics.SLA_POLICIES).atMost(UNTIL_READ)
                .until(current::get, Optional::isPresent).orElseThrow();
    }

    /** The version a policy published now needs to replace the one held. */
    public int nextVersion() {
        return held().version() + 1;
    }

    /** Publishes {@code policy} and waits until the instance holds it (or a newer one). */
    public void publishAndAwait(SlaPolicyChanged policy) {
        writer.publish(SlaPolicies.envelope(policy));
        Awaitility.await("SLA policy version " + policy.version() + " held").atMost(UNTIL_READ)
                .until(() -> current.get().map(SlaPolicyChanged::version).orElse(0) >= policy.version());
    }

    /**
     * Waits until the instance's consumer has committed every record on the topic so far: what was published
     * before has been handled, also when handling it changed nothing the instance shows.
     */
    public void awaitReadToTheEnd() {
        String group = ConfigProvider.getConfig().getValue(
                "mp.messaging.incoming." + SlaPolicyListener.CHANNEL + ".group.id", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.broker().bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.SLA_POLICIES)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Topics.SLA_POLICIES).partitions().stream()
                    .map(info -> new TopicPartition(Topics.SLA_POLICIES, info.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            Awaitility.await("group " + group + " at the end of " + Topics.SLA_POLICIES).atMost(UNTIL_READ)
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                        return ends.entrySet().stream()
                                .allMatch(end -> end.getValue() <= offset(committed.get(end.getKey())));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of " + Topics.SLA_POLICIES, e);
        }
    }

    /** A partition the group has committed nothing on yet is read up to its start. */
    private static long offset(OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }
}

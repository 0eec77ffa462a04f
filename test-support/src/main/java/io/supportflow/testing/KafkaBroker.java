package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;

import io.supportflow.events.Topics;

/**
 * A real KRaft Kafka cluster (devstack's KafkaNode), each node in its own JVM on free ports, ready once every
 * SupportFlow topic exists. One node by default; {@link #cluster(int)} makes three (replication factor 3, two in
 * sync). The nodes can be stopped, killed, paused and started again on the same ports and data, to test recovery.
 */
public final class KafkaBroker implements AutoCloseable {

    private final List<KafkaBrokerNode> nodes;

    private KafkaBroker(int size, boolean acls) {
        Path dataDir = temporaryDirectory();
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<KafkaBrokerNode.Ports> ports = IntStream.rangeClosed(1, size)
                .mapToObj(id -> new KafkaBrokerNode.Ports(id, FreePorts.next(), FreePorts.next(),
                        acls ? Optional.of(FreePorts.next()) : Optional.empty()))
                .toList();
        Optional<String> voters = size == 1 ? Optional.empty() : Optional.of(ports.stream()
                .map(p -> p.nodeId() + "@127.0.0.1:" + p.controllerPort()).collect(Collectors.joining(",")));
        this.nodes = ports.stream().map(p -> new KafkaBrokerNode(p, clusterId, voters,
                dataDir.resolve("node-" + p.nodeId()))).toList();
    }

    public KafkaBroker() {
        this(1, false);
    }

    /**
     * A broker that also listens for SCRAM-SHA-512 logins ({@link #scramBootstrapServers()}) and enforces ACLs
     * there; {@link #bootstrapServers()} stays the open listener of a super user, to make users and ACLs with.
     */
    public static KafkaBroker withAcls() {
        return new KafkaBroker(1, true);
    }

    /** A cluster of {@code size} nodes, each a broker and a controller; with SCRAM listeners and ACLs if {@code acls}. */
    public static KafkaBroker cluster(int size, boolean acls) {
        return new KafkaBroker(size, acls);
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaBrokerNode::address).collect(Collectors.joining(","));
    }

    public String scramBootstrapServers() {
        return nodes.stream().map(KafkaBrokerNode::scramAddress).collect(Collectors.joining(","));
    }

    public List<KafkaBrokerNode> nodes() {
        return nodes;
    }

    /** Starts every node not running and waits until the cluster has every SupportFlow topic. */
    public synchronized KafkaBroker start() {
        nodes.stream().filter(node -> !node.isAlive()).forEach(KafkaBrokerNode::start);
        awaitTopics();
        return this;
    }

    private void awaitTopics() {
        Set<String> expected = Set.copyOf(Topics.ALL);
        try (Admin admin = admin()) {
            Awaitility.await("Kafka on " + bootstrapServers() + " (logs: " + nodes.get(0).log().getParent() + ")")
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        nodes.forEach(KafkaBrokerNode::checkAlive);
                        return admin.listTopics().names().get(5, TimeUnit.SECONDS).containsAll(expected);
                    });
        }
    }

    /** The node leading {@code partition} of {@code topic} now. */
    public KafkaBrokerNode leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().get(partition);
            return nodes.stream().filter(node -> node.nodeId() == info.leader().id()).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell the leader of " + topic + "-" + partition, e);
        }
    }

    /** An admin client of the open listeners, for the tests' own questions. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    /** Stops every node (SIGTERM, then SIGKILL) keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        nodes.forEach(node -> node.stop(false));
    }

    @Override
    public void close() {
        stop();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("supportflow-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

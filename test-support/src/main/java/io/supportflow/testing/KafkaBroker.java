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
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.Awaitility;

import io.supportflow.events.Topics;

/**
 * A real KRaft Kafka cluster (devstack's KafkaNode), each node in its own JVM on free ports, ready once every
 * SupportFlow topic exists. One node by default; {@link #cluster(int, boolean)} makes more (from three on:
 * replication factor 3, two in sync). The nodes can be stopped, killed, paused and started again on the same ports and data, to test recovery.
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

    /**
     * Starts every node not running and waits until the cluster has every SupportFlow topic and every replica of
     * every partition is in sync again: a node started after a fault has caught up before the next fault.
     */
    public synchronized KafkaBroker start() {
        nodes.stream().filter(node -> !node.isAlive()).forEach(KafkaBrokerNode::start);
        Set<String> expected = Set.copyOf(Topics.ALL);
        try (Admin admin = admin()) {
            Awaitility.await("Kafka on " + bootstrapServers() + " with every replica in sync (logs: "
                            + nodes.stream().map(node -> node.log().toString()).collect(Collectors.joining(", ")) + ")")
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("a Kafka node exited", () -> nodes.stream().anyMatch(node -> !node.isAlive()))
                    .ignoreExceptions()
                    .until(() -> {
                        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                                .get(5, TimeUnit.SECONDS);
                        return topics.containsAll(expected) && everyReplicaInSync(admin, topics);
                    });
        }
        return this;
    }

    private static boolean everyReplicaInSync(Admin admin, Set<String> topics) throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.isr().size() == partition.replicas().size());
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

    /**
     * Stops every node (SIGTERM, then SIGKILL) keeping its data for a later {@link #start()}; all at once, since the
     * last of a cluster stopped alone would wait in vain for a quorum to let it go.
     */
    public synchronized void stop() {
        nodes.parallelStream().forEach(node -> node.stop(false));
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

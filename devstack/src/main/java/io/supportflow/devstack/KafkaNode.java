package io.supportflow.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.supportflow.events.Topics;

/**
 * An Apache Kafka node in KRaft combined mode (broker and controller), formatted on first start, with every
 * SupportFlow topic and its dead-letter topic created. Run it as its own JVM:
 * {@code java -cp devstack/target/classes:devstack/target/lib/* io.supportflow.devstack.KafkaNode
 * --port 9092 --controller-port 9093 --data-dir .supportflow/kafka [--partitions 6] [--scram-port 9094]}.
 * <p>
 * Alone it is a cluster of one. With {@code --node-id N --cluster-id ID --voters 1@host:port,2@host:port,...} it is
 * node N of a cluster whose controllers are the voters (a static quorum; every node formatted with the same
 * cluster id): topics then get three replicas (or as many as there are nodes) and need two in sync to take a
 * write, the offsets and transaction logs likewise.
 * <p>
 * With {@code --scram-port} the node also listens there for clients logging in with SCRAM-SHA-512 and enforces
 * ACLs (Kafka's StandardAuthorizer, nothing allowed without an ACL), as the cluster described for Kubernetes does;
 * the plain listener and the controller's stay open to the node's own administration, whose anonymous principal
 * is a super user. The SCRAM users and their ACLs are made through that plain listener.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", "9093"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "6"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".supportflow/kafka")).toAbsolutePath();
        Quorum quorum = Quorum.of(options);

        Path config = writeConfig(dataDir, port, controllerPort, quorum, Optional.ofNullable(options.get("scram-port"))
                .map(Integer::parseInt));
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            format(config, quorum);
        }
        Thread topicCreator = new Thread(() -> createTopics("127.0.0.1:" + port, partitions, quorum.replicas()),
                "topic-creator");
        topicCreator.setDaemon(true);
        topicCreator.start();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /**
     * The node's place in its cluster: a single node's quorum is found through its own controller port (formatted
     * with {@code --standalone}); the nodes of a larger cluster name every voter.
     */
    record Quorum(int nodeId, String clusterId, Optional<String> voters, int size) {

        static Quorum of(Map<String, String> options) {
            Optional<String> voters = Optional.ofNullable(options.get("voters"));
            int nodeId = Integer.parseInt(options.getOrDefault("node-id", "1"));
            if (voters.isPresent() && !options.containsKey("cluster-id")) {
                throw new IllegalArgumentException("--voters needs --cluster-id: every node of a cluster is formatted with the same id");
            }
            if (voters.isPresent() && Arrays.stream(voters.get().split(",")).noneMatch(v -> v.startsWith(nodeId + "@"))) {
                throw new IllegalArgumentException("--node-id " + nodeId + " is not one of the --voters " + voters.get());
            }
            String clusterId = options.getOrDefault("cluster-id", Uuid.randomUuid().toString());
            return new Quorum(nodeId, clusterId, voters, voters.map(v -> v.split(",").length).orElse(1));
        }

        short replicas() {
            return (short) Math.min(3, size);
        }

        /** Two of three replicas must have a write before it is acknowledged: one node may fail without loss. */
        short minInSync() {
            return (short) Math.max(1, replicas() - 1);
        }

        void configure(Properties props, int controllerPort) {
            props.setProperty("node.id", String.valueOf(nodeId));
            voters.ifPresentOrElse(v -> props.setProperty("controller.quorum.voters", v),
                    () -> props.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort));
            String replicas = String.valueOf(replicas());
            String minInSync = String.valueOf(minInSync());
            props.setProperty("default.replication.factor", replicas);
            props.setProperty("min.insync.replicas", minInSync);
            props.setProperty("offsets.topic.replication.factor", replicas);
            props.setProperty("transaction.state.log.replication.factor", replicas);
            props.setProperty("transaction.state.log.min.isr", minInSync);
            props.setProperty("share.coordinator.state.topic.replication.factor", replicas);
            props.setProperty("share.coordinator.state.topic.min.isr", minInSync);
        }
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, Quorum quorum,
                                    Optional<Integer> scramPort) throws IOException {
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        quorum.configure(props, controllerPort);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", dataDir.resolve("logs").toString());
        props.setProperty("offsets.topic.num.partitions", "6");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("num.partitions", "1");
        scramPort.ifPresent(scram -> enforceAcls(props, port, controllerPort, scram));
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "SupportFlow KRaft node " + quorum.nodeId() + " of " + quorum.size());
        }
        return config;
    }

    private static void enforceAcls(Properties props, int port, int controllerPort, int scramPort) {
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                + ",SCRAM://127.0.0.1:" + scramPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SCRAM://127.0.0.1:" + scramPort);
        props.setProperty("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SCRAM:SASL_PLAINTEXT");
        props.setProperty("listener.name.scram.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.setProperty("listener.name.scram.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.setProperty("allow.everyone.if.no.acl.found", "false");
        props.setProperty("super.users", "User:ANONYMOUS");
        props.setProperty("auto.create.topics.enable", "false");
    }

    private static void format(Path config, Quorum quorum) {
        List<String> formatArgs = new ArrayList<>(List.of("format", "-t", quorum.clusterId(), "-c", config.toString()));
        if (quorum.voters().isEmpty()) {
            formatArgs.add("--standalone");
        }
        int status = kafka.tools.StorageTool.execute(formatArgs.toArray(String[]::new), System.out);
        if (status != 0) {
            throw new IllegalStateException("Formatting the KRaft storage failed with status " + status);
        }
    }

    /** Retries until the broker answers: on a loaded machine it may take a minute to accept requests. */
    private static void createTopics(String bootstrap, int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            NewTopic created = new NewTopic(topic, partitions, replicas);
            topics.add(Topics.COMPACTED.contains(topic)
                    ? created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                    : created);
            topics.add(new NewTopic(Topics.deadLetter(topic), 1, replicas));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            for (NewTopic topic : topics) {
                createWithRetry(admin, topic, deadline);
            }
            System.out.println("SupportFlow topics ready: " + topics.size());
        } catch (Exception e) {
            System.err.println("Creating SupportFlow topics failed: " + e);
        }
    }

    private static void createWithRetry(Admin admin, NewTopic topic, long deadline) throws Exception {
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.println("Creating " + topic.name() + " failed, retrying: " + e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }
}

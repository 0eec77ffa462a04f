package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

import io.supportflow.events.Topics;

/**
 * A real single-node KRaft Kafka broker (devstack's KafkaNode) in its own JVM on free ports,
 * ready once every SupportFlow topic exists. Can be stopped and started again on the same
 * port and data, to test recovery from a broker restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final Optional<Integer> scramPort;
    private final Path dataDir;
    private Process process;

    public KafkaBroker() {
        this(Optional.empty());
    }

    private KafkaBroker(Optional<Integer> scramPort) {
        this.scramPort = scramPort;
        try {
            dataDir = Files.createTempDirectory("supportflow-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker that also listens for SCRAM-SHA-512 logins ({@link #scramBootstrapServers()}) and enforces ACLs
     * there; {@link #bootstrapServers()} stays the open listener of a super user, to make users and ACLs with.
     */
    public static KafkaBroker withAcls() {
        return new KafkaBroker(Optional.of(FreePorts.next()));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public String scramBootstrapServers() {
        return "127.0.0.1:" + scramPort.orElseThrow(() -> new IllegalStateException("Not a broker with ACLs"));
    }

    public synchronized KafkaBroker start() {
        List<String> command = new ArrayList<>(List.of(Workspace.javaExecutable().toString(), "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", Workspace.devstackClasspath(), "io.supportflow.devstack.KafkaNode",
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--data-dir", dataDir.toString(), "--partitions", "3"));
        scramPort.ifPresent(scram -> command.addAll(List.of("--scram-port", String.valueOf(scram))));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
        awaitTopics();
        return this;
    }

    private void awaitTopics() {
        Set<String> expected = Set.copyOf(Topics.ALL);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            Awaitility.await("Kafka broker on " + bootstrapServers() + " (log: " + dataDir.resolve("broker.log") + ")")
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Kafka broker exited, see " + dataDir.resolve("broker.log"));
                        }
                        return admin.listTopics().names().get(5, TimeUnit.SECONDS).containsAll(expected);
                    });
        }
    }

    /** Stops the broker process (SIGTERM, then SIGKILL) keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}

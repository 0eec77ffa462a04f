package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One node of a {@link KafkaBroker}: its own JVM, ports and data, which a test may stop, kill or pause. */
public final class KafkaBrokerNode {

    /** The node's id and the ports it listens on. */
    record Ports(int nodeId, int port, int controllerPort, Optional<Integer> scramPort) {
    }

    private final Ports ports;
    private final String clusterId;
    private final Optional<String> voters;
    private final Path dataDir;
    private Process process;

    KafkaBrokerNode(Ports ports, String clusterId, Optional<String> voters, Path dataDir) {
        this.ports = ports;
        this.clusterId = clusterId;
        this.voters = voters;
        this.dataDir = dataDir;
    }

    public int nodeId() {
        return ports.nodeId();
    }

    String address() {
        return "127.0.0.1:" + ports.port();
    }

    String scramAddress() {
        return "127.0.0.1:" + ports.scramPort().orElseThrow(() -> new IllegalStateException("Not a broker with ACLs"));
    }

    Path log() {
        return dataDir.resolve("broker.log");
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the node's JVM on its ports and data; the cluster is ready when {@link KafkaBroker#start()} says so. */
    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of(Workspace.javaExecutable().toString(), "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", Workspace.devstackClasspath(), "io.supportflow.devstack.KafkaNode",
                "--port", String.valueOf(ports.port()), "--controller-port", String.valueOf(ports.controllerPort()),
                "--data-dir", dataDir.toString(), "--partitions", "3",
                "--node-id", String.valueOf(nodeId()), "--cluster-id", clusterId));
        voters.ifPresent(quorum -> command.addAll(List.of("--voters", quorum)));
        ports.scramPort().ifPresent(scram -> command.addAll(List.of("--scram-port", String.valueOf(scram))));
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka node " + nodeId(), e);
        }
    }

    /** Stops the node: gracefully (SIGTERM, then SIGKILL after 30 s), or at once like a crash when {@code crash}. */
    public synchronized void stop(boolean crash) {
        if (!isAlive()) {
            return;
        }
        resume();
        Processes.stop(process, crash);
    }

    /**
     * Freezes the node (SIGSTOP): it keeps its connections but answers nothing, as a node cut off the network
     * does to everyone waiting on it, until {@link #resume()}.
     */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a paused node run on (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        if (!isAlive()) {
            throw new IllegalStateException("Kafka node " + nodeId() + " is not running, see " + log());
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " of Kafka node " + nodeId() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

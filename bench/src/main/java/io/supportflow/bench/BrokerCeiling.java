package io.supportflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The broker's own ceiling, measured on the same broker in the same run: Kafka's ProducerPerformance
 * tool, flat out, with the services' producer settings (acks=all, idempotent, 256 KB batches, linger 5 ms)
 * and records as large as a TicketReceived, on a scratch topic with as many partitions as the others.
 */
final class BrokerCeiling {

    static final String TOPIC = "bench.ceiling";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) "
            + "MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, "
            + "(\\d+) ms 99th, (\\d+) ms 99.9th");

    private final String bootstrapServers;
    private final Path devstackClasspathRoot;

    BrokerCeiling(String bootstrapServers, Path home) {
        this.bootstrapServers = bootstrapServers;
        this.devstackClasspathRoot = home.resolve("devstack").resolve("target");
    }

    Result measure(long records, int recordBytes, int partitions) throws IOException, InterruptedException {
        createTopic(partitions);
        String classpath = devstackClasspathRoot.resolve("classes") + java.io.File.pathSeparator
                + devstackClasspathRoot.resolve("lib") + java.io.File.separator + "*";
        List<String> command = List.of(javaBinary(), "-Xmx512m", "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true", "linger.ms=5", "batch.size=262144");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Optional<Result> result = Optional.empty();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Optional<Result> parsed = parse(line, recordBytes);
                if (parsed.isPresent()) {
                    result = parsed;
                }
            }
        }
        int exit = process.waitFor();
        return result.orElseThrow(() -> new IOException("ProducerPerformance exited with " + exit
                + " without a summary line:\n" + output));
    }

    /** Reads the tool's summary line, the last one it prints (the earlier ones are progress reports). */
    static Optional<Result> parse(String line, int recordBytes) {
        Matcher m = SUMMARY.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), recordBytes, Double.parseDouble(m.group(4)),
                Long.parseLong(m.group(6)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9))));
    }

    private void createTopic(int partitions) throws IOException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("cannot create topic " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topic " + TOPIC, e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Result(long records, double recordsPerSecond, double megabytesPerSecond, int recordBytes,
                  double avgLatencyMs, long p50Ms, long p99Ms, long p999Ms) {
    }
}

package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running stack is: the same environment variables as {@code bin/supportflow} (which passes
 * the settings the stack was started with), each overridable by an option.
 */
record Stack(Path home, String intakeUrl, String slaUrl, String mailboxUrl, String bootstrapServers, String pgHost,
             int pgPort, String pgUser, String pgPassword) {

    static Stack from(Options options) {
        Path home = Path.of(options.text("home", options.env("SUPPORTFLOW_HOME", "."))).toAbsolutePath().normalize();
        String intakePort = options.env("SUPPORTFLOW_INTAKE_PORT", "8081");
        String kafkaPort = options.env("SUPPORTFLOW_KAFKA_PORT", "9092");
        String slaPort = options.env("SUPPORTFLOW_SLA_PORT", "8083");
        String mailHttpPort = options.env("SUPPORTFLOW_MAIL_HTTP_PORT", "8025");
        return new Stack(home,
                options.text("intake-url", "http://127.0.0.1:" + intakePort),
                options.text("sla-url", "http://127.0.0.1:" + slaPort),
                "http://127.0.0.1:" + mailHttpPort + "/api/messages",
                options.text("bootstrap-servers", "127.0.0.1:" + kafkaPort),
                options.env("SUPPORTFLOW_PG_HOST", "127.0.0.1"),
                Integer.parseInt(options.env("SUPPORTFLOW_PG_PORT", "5432")),
                options.env("SUPPORTFLOW_PG_USER", "postgres"),
                options.env("SUPPORTFLOW_PG_PASSWORD", "postgres"));
    }

    Path stateDir() {
        return home.resolve(".supportflow");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** The live processes {@code bin/supportflow up} started, by component name. */
    Map<String, Long> runningComponents() {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path runDir = stateDir().resolve("run");
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                try {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        pids.put(file.getFileName().toString().replace(".pid", ""), pid);
                    }
                } catch (NumberFormatException | IOException e) {
                    // a pid file being rewritten: not counted as running
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }
}

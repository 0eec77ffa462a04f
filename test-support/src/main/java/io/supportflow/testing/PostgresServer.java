package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own: a cluster made with the local installation's
 * {@code initdb} in a temporary directory, listening on a free loopback port with trust auth.
 * Unlike the shared server on 5432, it may really be stopped and started again mid-test.
 * The server refuses to run as root, so as root its commands run as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final Path binaries = binaryDirectory();
    private final int port = FreePorts.next();
    private final Path home;
    private final Path dataDir;

    public PostgresServer() {
        try {
            home = Files.createTempDirectory("supportflow-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataDir = home.resolve("data");
    }

    /** Makes the cluster on first use, then starts the server and waits until it accepts connections. */
    public synchronized PostgresServer start() {
        if (!Files.exists(dataDir)) {
            if (AS_ROOT) {
                run(List.of("chown", USER, home.toString()));
            }
            pg("initdb", "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        }
        pg("pg_ctl", "-D", dataDir.toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c max_connections=200", "start");
        return this;
    }

    /**
     * Stops the server the hard way ({@code pg_ctl -m immediate}): every backend is killed at once and
     * nothing is checkpointed, so the next start replays the write-ahead log as after a crash.
     */
    public synchronized void crash() {
        pg("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    }

    public String host() {
        return "127.0.0.1";
    }

    public String port() {
        return String.valueOf(port);
    }

    public String user() {
        return USER;
    }

    @Override
    public synchronized void close() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            pg("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (AS_ROOT) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private void run(List<String> command) {
        Path output = home.resolve("commands.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + String.join(" ", command) + " (see " + output + " and "
                        + home.resolve("server.log") + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** {@code SUPPORTFLOW_PG_BINDIR}, else the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout). */
    private static Path binaryDirectory() {
        String configured = System.getenv("SUPPORTFLOW_PG_BINDIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> bin.getParent().getFileName().toString().matches("\\d+"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("No initdb under /usr/lib/postgresql/*/bin: set SUPPORTFLOW_PG_BINDIR"));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL binaries in /usr/lib/postgresql: set SUPPORTFLOW_PG_BINDIR", e);
        }
    }
}

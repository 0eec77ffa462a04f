package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * One packaged service ({@code <name>/target/quarkus-app/quarkus-run.jar}) run as its own
 * process, exactly as in production, configured through environment variables.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port = FreePorts.next();
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = new java.util.HashMap<>(environment);
        try {
            this.log = Files.createTempFile("supportflow-" + name + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another process of this service on the same database and broker, with a port of its own: a second instance.
     * Its environment is this one's as it stands, so a variable naming this instance's own address names it there too.
     */
    public ServiceProcess anotherInstance() {
        return new ServiceProcess(name, environment);
    }

    /** Adds an environment variable for the next start. */
    public ServiceProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized ServiceProcess start() {
        Path jar = Workspace.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(Workspace.javaExecutable().toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess awaitReady(Duration atMost) {
        Awaitility.await(name + " ready (log: " + log + ")")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; its log:\n" + Files.readString(log));
                    }
                    return readyStatus() == 200;
                });
        return this;
    }

    /** How many times the process's log holds {@code text}. */
    public int logCount(String text) {
        try {
            String logged = Files.readString(log);
            int count = 0;
            for (int at = logged.indexOf(text); at >= 0; at = logged.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int readyStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops the process: gracefully (SIGTERM), or at once like a crash (SIGKILL) when {@code crash}. */
    public synchronized void stop(boolean crash) {
        if (process == null || !process.isAlive()) {
            return;
        }
        Processes.stop(process, crash);
    }

    @Override
    public void close() {
        stop(false);
    }
}

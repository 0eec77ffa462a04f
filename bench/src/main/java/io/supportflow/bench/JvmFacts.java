package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one JVM of the stack runs on, for the report: its JDK, whether an AOT cache is mapped into it (asking for
 * one is not enough: the JVM drops a stale cache with a warning and goes on), its collector and how long it had
 * been running when the measurement began.
 *
 * @param gcOptions the collector flags on its command line, or "default" (G1)
 */
record JvmFacts(String component, long pid, String javaVersion, boolean aotCacheMapped, String gcOptions,
                Instant startedAt, long ageSeconds) {

    static List<JvmFacts> of(Map<String, Long> components, Instant measuredFrom) {
        List<JvmFacts> facts = new ArrayList<>();
        components.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(process -> {
            ProcessHandle.Info info = process.info();
            Instant started = info.startInstant().orElse(measuredFrom);
            List<String> arguments = info.arguments().map(List::of).orElse(List.of());
            facts.add(new JvmFacts(name, pid, info.command().map(JvmFacts::javaVersion).orElse("unknown"),
                    aotCacheMapped(pid), gcOptions(arguments), started,
                    Math.max(0, Duration.between(started, measuredFrom).toSeconds())));
        }));
        return facts;
    }

    /** JAVA_VERSION from the {@code release} file of the JDK the binary belongs to. */
    private static String javaVersion(String javaBinary) {
        Path release = Path.of(javaBinary).getParent().getParent().resolve("release");
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static boolean aotCacheMapped(long pid) {
        try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return maps.anyMatch(line -> line.endsWith(".aot"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String gcOptions(List<String> arguments) {
        List<String> gc = arguments.stream()
                .filter(a -> a.matches("-XX:[+-]Use\\w*GC") || a.equals("-XX:+UseCompactObjectHeaders")).toList();
        return gc.isEmpty() ? "default" : String.join(" ", gc);
    }
}

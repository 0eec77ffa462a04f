package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on, for the report. */
record Machine(int cores, long memoryMb, String javaVersion, String os) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}

package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and peak resident memory of the stack's processes, from {@code /proc}: the JVMs named by
 * the pid files in {@code .supportflow/run/}, PostgreSQL's processes taken together, and the benchmark
 * itself. Linux only; elsewhere the figures are simply absent.
 */
final class ProcessSampler {

    /** USER_HZ: the unit of utime and stime in /proc/PID/stat, 100 on every Linux build that matters. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    private final Path runDir;

    ProcessSampler(Path stateDir) {
        this.runDir = stateDir.resolve("run");
    }

    /** CPU seconds so far of every process of interest, by name. */
    Map<String, Usage> sample() {
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (Map.Entry<String, Long> component : components().entrySet()) {
            read(component.getValue()).ifPresent(u -> usage.put(component.getKey(), u));
        }
        read(ProcessHandle.current().pid()).ifPresent(u -> usage.put("bench", u));
        usage.put("postgresql (all processes)", postgres());
        return usage;
    }

    /** The processes' use between two samples: CPU seconds, average cores busy, peak memory at the end. */
    static List<ProcessFigures> between(Map<String, Usage> before, Map<String, Usage> after, double wallSeconds) {
        List<ProcessFigures> figures = new ArrayList<>();
        after.forEach((name, end) -> {
            Usage start = before.getOrDefault(name, new Usage(0, 0, 0));
            double cpu = Math.max(0, end.cpuSeconds() - start.cpuSeconds());
            figures.add(new ProcessFigures(name, round(cpu), round(wallSeconds == 0 ? 0 : cpu / wallSeconds * 100),
                    end.peakRssKb() / 1024, end.processes()));
        });
        return figures;
    }

    /** The CPU seconds of the stack's processes among {@code figures}: every one but the benchmark's own. */
    static double stackCpuSeconds(List<ProcessFigures> figures) {
        return figures.stream().filter(p -> !p.process().equals("bench")).mapToDouble(ProcessFigures::cpuSeconds).sum();
    }

    /** Microseconds in which some runnable task waited for a CPU (pressure stall information), or -1. */
    static long cpuStallMicros() {
        try {
            for (String line : Files.readAllLines(PROC.resolve("pressure").resolve("cpu"))) {
                if (line.startsWith("some ")) {
                    return Long.parseLong(line.substring(line.indexOf("total=") + 6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(PROC.resolve("loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private Map<String, Long> components() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".pid", "");
                try {
                    pids.put(name, Long.parseLong(Files.readString(file).trim()));
                } catch (NumberFormatException | IOException e) {
                    // a pid file being rewritten: that component is left out of this sample
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static Usage postgres() {
        double cpu = 0;
        long peak = 0;
        int count = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (!"postgres".equals(comm(process))) {
                    continue;
                }
                Optional<Usage> usage = read(Long.parseLong(process.getFileName().toString()));
                if (usage.isPresent()) {
                    cpu += usage.get().cpuSeconds();
                    peak = Math.max(peak, usage.get().peakRssKb());
                    count++;
                }
            }
        } catch (IOException e) {
            return new Usage(0, 0, 0);
        }
        return new Usage(cpu, peak, count);
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    static Optional<Usage> read(long pid) {
        Path process = PROC.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(process.resolve("stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpuSeconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            long peakKb = 0;
            for (String line : Files.readAllLines(process.resolve("status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return Optional.of(new Usage(cpuSeconds, peakKb, 1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10d;
    }

    /** @param peakRssKb VmHWM: the most resident memory the process has had (for several, the largest one) */
    record Usage(double cpuSeconds, long peakRssKb, int processes) {
    }

    /** @param cpuPercent average share of one core over the run (200 = both cores of a 2-core machine) */
    record ProcessFigures(String process, double cpuSeconds, double cpuPercent, long peakRssMb, int processes) {
    }
}

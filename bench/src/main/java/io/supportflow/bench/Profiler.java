package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder on the running services, started and stopped with {@code jcmd} (profile settings:
 * execution samples every 10-20 ms), then summarised from the recording: which threads used the CPU
 * (JIT compiler threads included), the hottest methods at the top of the stack, and how often each
 * library is on the stack at all.
 */
final class Profiler {

    /** Libraries whose share of the samples says where the time goes. */
    static final Map<String, String> LIBRARIES = libraries();
    private static final String RECORDING = "supportflow-bench";

    private final Map<String, Long> pids;
    private final Path directory;

    Profiler(Map<String, Long> pids, Path directory) {
        this.pids = pids;
        this.directory = directory;
    }

    void start() throws IOException, InterruptedException {
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            jcmd(process.getValue(), "JFR.start", "name=" + RECORDING, "settings=profile");
        }
    }

    /** Stops every recording, writes it next to the results and summarises it. */
    List<ProfileSummary> stop() throws IOException, InterruptedException {
        List<ProfileSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Path file = directory.resolve(process.getKey() + ".jfr");
            jcmd(process.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file);
            if (file.toFile().isFile()) {
                summaries.add(summarise(process.getKey(), file));
            }
        }
        return summaries;
    }

    static ProfileSummary summarise(String process, Path recording) throws IOException {
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> onStack = new LinkedHashMap<>();
        Map<String, Double> cpuByThread = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ThreadCPULoad") && event.getThread("eventThread") != null) {
                cpuByThread.merge(threadGroup(event.getThread("eventThread").getJavaName()),
                        (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            topFrames.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
            LIBRARIES.forEach((label, prefix) -> {
                if (stack.getFrames().stream().anyMatch(f -> name(f).startsWith(prefix))) {
                    onStack.merge(label, 1L, Long::sum);
                }
            });
        }
        return ProfileSummary.of(process, samples, topFrames, onStack, cpuByThread, 12);
    }

    /** "executor-thread-12" and "executor-thread-3" are one pool; JIT compiler threads are named by the JVM. */
    static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        return name.replaceAll("[-#\\s]*\\d+$", "").replaceAll("\\d+$", "");
    }

    private static String name(RecordedFrame frame) {
        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " did not finish in 60 s");
        }
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("PostgreSQL JDBC", "org.postgresql.");
        libraries.put("Hibernate ORM", "org.hibernate.");
        libraries.put("Agroal pool / Narayana transactions", "io.agroal.");
        libraries.put("Kafka client", "org.apache.kafka.");
        libraries.put("Jackson", "com.fasterxml.jackson.");
        libraries.put("Vert.x / Netty", "io.netty.");
        libraries.put("SmallRye Reactive Messaging", "io.smallrye.reactive.messaging.");
        libraries.put("Mail (Jakarta / Angus / Vert.x mail)", "io.vertx.ext.mail.");
        libraries.put("SupportFlow code", "io.supportflow.");
        libraries.put("JIT / GC helpers (java.lang.invoke)", "java.lang.invoke.");
        return libraries;
    }

    /**
     * @param topFrames  the hottest methods at the top of the stack, most samples first
     * @param onStackPct share of the samples with the library anywhere on the stack, in percent
     */
    record ProfileSummary(String process, long samples, List<MethodShare> topFrames, Map<String, Double> onStackPct,
                          Map<String, Double> cpuShareByThreadPct) {

        static ProfileSummary of(String process, long samples, Map<String, Long> topFrames,
                                 Map<String, Long> onStack, Map<String, Double> cpuByThread, int limit) {
            List<MethodShare> hottest = topFrames.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(limit)
                    .map(e -> new MethodShare(e.getKey(), e.getValue(), percent(e.getValue(), samples)))
                    .toList();
            Map<String, Double> shares = new LinkedHashMap<>();
            onStack.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), percent(e.getValue(), samples)));
            double totalCpu = cpuByThread.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> threads = new LinkedHashMap<>();
            cpuByThread.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(8)
                    .forEach(e -> threads.put(e.getKey(), totalCpu == 0 ? 0 : Math.round(e.getValue() * 1000 / totalCpu) / 10d));
            return new ProfileSummary(process, samples, hottest, shares, threads);
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 0 : Math.round(part * 1000d / whole) / 10d;
        }
    }

    record MethodShare(String method, long samples, double percent) {
    }
}

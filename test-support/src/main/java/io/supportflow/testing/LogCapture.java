package io.supportflow.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects everything logged in this JVM (a service under {@code @QuarkusTest} logs through JBoss
 * LogManager, which is java.util.logging) while it is open: each message with its parameters,
 * logger name and stack trace, so a test can look for text that must never reach a log.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(render(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every line logged since {@link #start()}. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** All captured lines as one text. */
    public String text() {
        return String.join("\n", lines);
    }

    /**
     * The captured text without the lines of the given loggers: the test's own infrastructure
     * (GreenMail, say, which runs in the test JVM) may log what the service under test must not.
     */
    public String textExcept(String... loggerPrefixes) {
        return lines.stream()
                .filter(line -> {
                    String logger = line.split(" ", 3)[1];
                    return java.util.Arrays.stream(loggerPrefixes).noneMatch(logger::startsWith);
                })
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String render(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ')
                .append(record.getMessage());
        // Parameters whatever the format style (JBoss logs printf-style too): a secret among them counts.
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | ").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}

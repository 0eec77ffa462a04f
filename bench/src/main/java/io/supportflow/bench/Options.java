package io.supportflow.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value} or {@code --flag}, with defaults from the environment. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> environment;

    private Options(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param flags options that take no value
     * @throws IllegalArgumentException for an option that is not of the form {@code --name}
     */
    static Options parse(List<String> args, Set<String> flags, Map<String, String> environment) {
        Options options = new Options(environment);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                options.values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (flags.contains(name)) {
                options.values.put(name, "true");
            } else if (i + 1 < args.size()) {
                options.values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String env(String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        return value == null ? fallback : parseDuration(name, value);
    }

    /** {@code 90}, {@code 90s}, {@code 2m}, {@code 500ms}, {@code 1h}: a bare number is seconds. */
    static Duration parseDuration(String name, String value) {
        String text = value.trim().toLowerCase();
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 60s, 2m or 500ms, not '"
                    + value + "'");
        }
    }
}

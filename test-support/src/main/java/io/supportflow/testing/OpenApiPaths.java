package io.supportflow.testing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The operation a request reached, found among the path templates of an OpenAPI description. */
final class OpenApiPaths {

    private OpenApiPaths() {
    }

    /**
     * The path template of {@code paths} that {@code path} is an instance of; a template naming the path outright
     * before one with parameters.
     */
    static Optional<String> templateOf(Map<String, Object> paths, String path) {
        return paths.keySet().stream()
                .filter(template -> path.matches(pattern(template)))
                .min(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()));
    }

    /** {@code /api/v1/tickets/{id}} as a pattern: each parameter one path segment, the rest literally. */
    private static String pattern(String template) {
        return Arrays.stream(template.split("\\{[^/}]+}", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[^/]+"));
    }
}
